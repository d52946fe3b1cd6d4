//! Assignment, augmented assignment and `del` targets, with CPython's
//! messages for the invalid ones.

use super::{Compiler, NameOp, R};
use crate::ast::{Expr, ExprKind};
use crate::bytecode::{BinaryOperator, Constant, Instruction as I, Location};

/// How CPython names an expression kind in "cannot assign to ..." messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first part of assignment target `e` that cannot be assigned to.
pub(crate) fn invalid_target(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().find_map(|t| match &t.kind {
            ExprKind::Starred(inner) => invalid_target(inner),
            _ => invalid_target(t),
        }),
        _ => Some(e),
    }
}

/// Expressions the grammar's `bitwise_or` rule can produce without
/// parentheses (everything binding tighter than comparisons).
fn bitwise_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::UnaryOp {
                op: crate::bytecode::UnaryOperator::Not,
                ..
            }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Starred(_)
    )
}

impl<'t> Compiler<'t, '_> {
    fn parenthesized(&self, e: &Expr) -> bool {
        self.map.char_before(e.loc) == Some('(')
    }

    /// Whether `value` (an assignment's right-hand side) begins with a
    /// `bitwise_or` expression.
    fn starts_with_bitwise_or(&self, value: &Expr) -> bool {
        if self.parenthesized(value) {
            return true;
        }
        match &value.kind {
            ExprKind::Compare { left, .. } => self.starts_with_bitwise_or(left),
            ExprKind::BoolOp { values, .. } => values
                .first()
                .is_some_and(|v| self.starts_with_bitwise_or(v)),
            ExprKind::IfExp { body, .. } => self.starts_with_bitwise_or(body),
            ExprKind::Tuple(elts) => elts.first().is_some_and(|v| self.starts_with_bitwise_or(v)),
            _ => bitwise_level(value),
        }
    }

    /// CPython's parser-level checks on `targets = value` that give other
    /// messages than the plain "cannot assign to ...".
    pub(super) fn check_assignment(&self, stmt_loc: Location, targets: &[Expr], value: &Expr) -> R {
        for t in targets {
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
                && !self.parenthesized(t)
            {
                return Err(self.error("assignment to yield expression not possible", t.loc));
            }
        }
        let [t] = targets else {
            return Ok(());
        };
        if matches!(
            t.kind,
            ExprKind::Name(_)
                | ExprKind::Attribute { .. }
                | ExprKind::Subscript { .. }
                | ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::Starred(_)
                | ExprKind::GeneratorExp { .. }
        ) {
            return Ok(());
        }
        let paren = t.loc.line != stmt_loc.line || t.loc.col != stmt_loc.col;
        let keyword_const = matches!(
            t.kind,
            ExprKind::Constant(Constant::None | Constant::Bool(_))
        );
        if !paren && (keyword_const || !bitwise_level(t)) {
            return Ok(());
        }
        if !self.starts_with_bitwise_or(value) {
            return Ok(());
        }
        Err(self.error(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(t)
            ),
            t.loc,
        ))
    }

    /// "cannot assign to __debug__" for names that may not be bound.
    pub(super) fn check_forbidden(&self, name: &str, loc: Location) -> R {
        if name == "__debug__" {
            return Err(self.compile_error("cannot assign to __debug__", loc));
        }
        Ok(())
    }

    /// Stores TOS into `target`.
    pub(super) fn store_target(&mut self, target: &'t Expr) -> R {
        let old = self.set_loc(target.loc);
        let r = self.store_target_inner(target);
        self.set_loc(old);
        r
    }

    fn store_target_inner(&mut self, target: &'t Expr) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.check_forbidden(n, target.loc)?;
                self.name_op(n, NameOp::Store)
            }
            ExprKind::Attribute { value, attr } => {
                self.check_forbidden(attr, target.loc)?;
                self.expr(value)?;
                self.set_loc(target.loc);
                let i = self.name_idx(&self.mangle(attr));
                self.emit(I::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(target.loc);
                self.emit(I::StoreSubscr);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => self.unpack_into(elts, target.loc),
            ExprKind::Starred(_) => Err(self.compile_error(
                "starred assignment target must be in a list or tuple",
                target.loc,
            )),
            _ => Err(self.error(
                format!("cannot assign to {}", expr_name(target)),
                target.loc,
            )),
        }
    }

    fn unpack_into(&mut self, elts: &'t [Expr], loc: Location) -> R {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred(_)) {
                if star.is_some() {
                    return Err(
                        self.compile_error("multiple starred expressions in assignment", loc)
                    );
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let before = i as u32;
                let after = (elts.len() - i - 1) as u32;
                if before >= 256 || after >= (1 << 24) {
                    return Err(self
                        .compile_error("too many expressions in star-unpacking assignment", loc));
                }
                self.emit(I::UnpackEx { before, after });
            }
            None => self.emit(I::UnpackSequence(elts.len() as u32)),
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred(inner) => self.store_target(inner)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    pub(super) fn delete_target(&mut self, target: &'t Expr) -> R {
        let old = self.set_loc(target.loc);
        let r = match &target.kind {
            ExprKind::Name(n) if n == "__debug__" => {
                Err(self.compile_error("cannot delete __debug__", target.loc))
            }
            ExprKind::Name(n) => self.name_op(n, NameOp::Delete),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_loc(target.loc);
                let i = self.name_idx(&self.mangle(attr));
                self.emit(I::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(target.loc);
                self.emit(I::DeleteSubscr);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            _ => Err(self.error(format!("cannot delete {}", expr_name(target)), target.loc)),
        };
        self.set_loc(old);
        r
    }

    /// `target op= value`: the target's object and key are evaluated once.
    pub(super) fn aug_assign(
        &mut self,
        target: &'t Expr,
        op: BinaryOperator,
        value: &'t Expr,
        loc: Location,
    ) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.check_forbidden(n, target.loc)?;
                let old = self.set_loc(target.loc);
                self.name_op(n, NameOp::Load)?;
                self.expr(value)?;
                self.set_loc(loc);
                self.emit(I::InplaceOp(op));
                self.set_loc(target.loc);
                self.name_op(n, NameOp::Store)?;
                self.set_loc(old);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.check_forbidden(attr, target.loc)?;
                self.expr(obj)?;
                let old = self.set_loc(target.loc);
                self.emit(I::DupTop);
                let i = self.name_idx(&self.mangle(attr));
                self.emit(I::LoadAttr(i));
                self.expr(value)?;
                self.set_loc(loc);
                self.emit(I::InplaceOp(op));
                self.set_loc(target.loc);
                self.emit(I::RotTwo);
                self.emit(I::StoreAttr(i));
                self.set_loc(old);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                let old = self.set_loc(target.loc);
                self.emit(I::DupTopTwo);
                self.emit(I::BinarySubscr);
                self.expr(value)?;
                self.set_loc(loc);
                self.emit(I::InplaceOp(op));
                self.set_loc(target.loc);
                self.emit(I::RotThree);
                self.emit(I::StoreSubscr);
                self.set_loc(old);
            }
            _ => {
                return Err(self.error(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(target)
                    ),
                    target.loc,
                ))
            }
        }
        Ok(())
    }
}
