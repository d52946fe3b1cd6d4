//! CPython's compile-time SyntaxWarnings about code that is sure to fail or
//! misbehave: `x is 1`, `assert (x, msg)`, `[1, 2] (3)`, `"abc"["x"]`.

use super::Compiler;
use crate::ast::{CmpOp, Expr, ExprKind};
use crate::bytecode::{Constant, UnaryOperator};

/// The type CPython infers for an expression (its `tp_name`), if known.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant(c) => constant_type(c),
        _ => return None,
    })
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::Ellipsis => "ellipsis",
        Constant::Code(_) => "code",
    }
}

/// Whether `e` is (or CPython's AST optimizer folds it to) a constant other
/// than None, True, False and `...`, which `is` should not compare with.
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => {
            !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
        }
        ExprKind::UnaryOp { op, operand } => *op != UnaryOperator::Not && numeric_constant(operand),
        ExprKind::Tuple(elts) => elts.iter().all(folds),
        _ => false,
    }
}

fn numeric_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => matches!(
            c,
            Constant::Int(_)
                | Constant::BigInt(_)
                | Constant::Float(_)
                | Constant::Complex { .. }
                | Constant::Bool(_)
        ),
        ExprKind::UnaryOp { op, operand } => *op != UnaryOperator::Not && numeric_constant(operand),
        _ => false,
    }
}

/// Whether the optimizer folds `e` to a constant.
fn folds(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp { operand, .. } => folds(operand),
        ExprKind::Tuple(elts) => elts.iter().all(folds),
        _ => false,
    }
}

impl Compiler<'_, '_> {
    /// `x is 1`: identity comparison with a literal.
    pub(super) fn check_compare(
        &mut self,
        e: &Expr,
        left: &Expr,
        ops: &[CmpOp],
        comparators: &[Expr],
    ) {
        let mut l = left;
        for (op, right) in ops.iter().zip(comparators) {
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (is_literal(l) || is_literal(right)) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_owned(), e.loc);
                return;
            }
            l = right;
        }
    }

    /// Calling a display or literal: a comma is probably missing.
    pub(super) fn check_caller(&mut self, e: &Expr, func: &Expr) {
        let callable = matches!(
            func.kind,
            ExprKind::Constant(_)
                | ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set(_)
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr(_)
                | ExprKind::FormattedValue { .. }
        );
        if let (true, Some(t)) = (callable, infer_type(func)) {
            self.warn(
                format!("'{t}' object is not callable; perhaps you missed a comma?"),
                e.loc,
            );
        }
    }

    /// Subscripting something that cannot be, or with an index of the
    /// wrong type.
    pub(super) fn check_subscript(&mut self, e: &Expr, value: &Expr, slice: &Expr) {
        let not_subscriptable = match &value.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
            ),
            ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(
                    format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
                    e.loc,
                );
            }
            return;
        }
        let sequence = match &value.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr(_)
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if !sequence {
            return;
        }
        let Some(index) = infer_type(slice) else {
            return;
        };
        if matches!(index, "int" | "bool") {
            return;
        }
        if let Some(t) = infer_type(value) {
            self.warn(
                format!("{t} indices must be integers or slices, not {index}; perhaps you missed a comma?"),
                e.loc,
            );
        }
    }

    /// `assert (x, msg)` is always true.
    pub(super) fn check_assert(&mut self, test: &Expr, stmt_loc: crate::bytecode::Location) {
        if matches!(&test.kind, ExprKind::Tuple(elts) if !elts.is_empty()) {
            self.warn(
                "assertion is always true, perhaps remove parentheses?".to_owned(),
                stmt_loc,
            );
        }
    }
}
