//! Statements (compound statements with blocks are in `blocks.rs`).

use super::{Compiler, NameOp, R};
use crate::ast::{Alias, Expr, ExprKind, Stmt, StmtKind};
use crate::bytecode::{CodeKind, Constant, Instruction as I, Location};
use crate::error::CompileErrorKind;
use crate::symtable::ScopeKind;

const RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

impl<'t> Compiler<'t, '_> {
    pub(super) fn stmts(&mut self, body: &'t [Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    pub(super) fn stmt(&mut self, s: &'t Stmt) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            let old = self.set_loc(s.loc);
            let r = self.stmt_inner(s);
            self.set_loc(old);
            r
        })
    }

    fn stmt_inner(&mut self, s: &'t Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.loc)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.loc)?,
            StmtKind::Return(value) => {
                if !self.table().kind.is_function() {
                    return Err(self.compile_error("'return' outside function", s.loc));
                }
                if value.is_some() && self.in_async_def() && self.table().is_generator {
                    return Err(self.compile_error("'return' with value in async generator", s.loc));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.return_in_except_star(value.as_ref(), s.loc)?;
                self.unwind_all(true)?;
                self.set_loc(s.loc);
                self.emit(I::ReturnValue);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.check_assignment(s.loc, targets, value)?;
                if self.swap_assign(targets, value)? {
                    return Ok(());
                }
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(I::DupTop);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(target, *op, value, s.loc)?
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple, s.loc)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: false,
            } => self.for_stmt(target, iter, body, orelse, s.loc)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async: true,
            } => self.async_for_stmt(target, iter, body, orelse, s.loc)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.stmts(body)?;
                } else {
                    let else_label = self.new_label();
                    self.jump_if(test, false, else_label)?;
                    self.stmts(body)?;
                    self.emit_jump(I::Jump, end);
                    self.place(else_label);
                    self.stmts(orelse)?;
                }
                self.place(end);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async, s.loc)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.loc);
                self.emit(I::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star,
            } => self.try_stmt(body, handlers, orelse, finalbody, *star, s.loc)?,
            StmtKind::Assert { test, msg } => {
                self.check_assert(test, s.loc);
                if self.optimize > 0 {
                    // -O: asserts are left out (after their SyntaxWarning).
                    return Ok(());
                }
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                // CPython leaves the last comparison's span in place.
                let loc = last_comparison(test).unwrap_or(s.loc);
                self.set_loc(loc);
                self.emit(I::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_loc(loc);
                    self.emit(I::Call(1));
                }
                self.emit(I::Raise(1));
                self.place(end);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.import(a)?;
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Break => self.loop_exit(true, s.loc)?,
            StmtKind::Continue => self.loop_exit(false, s.loc)?,
            StmtKind::Unsupported { feature } => {
                return Err(self.map.error(
                    CompileErrorKind::Unsupported,
                    format!("{feature} are not supported by rpy"),
                    s.loc,
                ))
            }
        }
        Ok(())
    }

    /// `a, b = b, a` (two or three names on each side): the values are
    /// swapped into place on the stack instead of packed into a tuple and
    /// unpacked again, as CPython's optimizer does. Returns whether it
    /// applied.
    fn swap_assign(&mut self, targets: &'t [Expr], value: &'t Expr) -> R<bool> {
        let [target] = targets else {
            return Ok(false);
        };
        let (ExprKind::Tuple(names) | ExprKind::List(names)) = &target.kind else {
            return Ok(false);
        };
        let ExprKind::Tuple(values) = &value.kind else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        let constant = |e: &Expr| matches!(e.kind, ExprKind::Constant(_));
        // A tuple of constants is one constant: unpacking it allocates nothing.
        if values.iter().all(constant)
            || names.len() != values.len()
            || !(2..=3).contains(&names.len())
            || names.iter().any(starred)
            || values.iter().any(starred)
        {
            return Ok(false);
        }
        for v in values {
            self.expr(v)?;
        }
        self.set_loc(value.loc);
        if names.len() == 3 {
            self.emit(I::RotThree);
        }
        self.emit(I::RotTwo);
        for t in names {
            self.store_target(t)?;
        }
        Ok(true)
    }

    fn expr_stmt(&mut self, e: &'t Expr) -> R {
        if self.interactive && self.units.len() == 1 {
            self.expr(e)?;
            self.emit(I::PrintExpr);
            return Ok(());
        }
        if matches!(e.kind, ExprKind::Constant(_)) {
            // A constant statement (a docstring elsewhere, `...`) does nothing.
            return Ok(());
        }
        self.expr(e)?;
        self.set_loc(e.loc);
        self.emit(I::PopTop);
        Ok(())
    }

    fn ann_assign(
        &mut self,
        target: &'t Expr,
        annotation: &'t Expr,
        value: Option<&'t Expr>,
        simple: bool,
        loc: Location,
    ) -> R {
        match &target.kind {
            ExprKind::Name(n) => self.check_forbidden(n, loc)?,
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(_) => {
                return Err(self.error(
                    "only single target (not tuple) can be annotated",
                    target.loc,
                ))
            }
            ExprKind::List(_) => {
                return Err(self.error("only single target (not list) can be annotated", target.loc))
            }
            _ => return Err(self.error("illegal target for annotation", target.loc)),
        }
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let kind = self.table().kind;
        let module_or_class = matches!(kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name(n) => {
                self.check_forbidden(n, loc)?;
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    self.name_op("__annotations__", NameOp::Load)?;
                    let mangled = self.mangle(n);
                    self.load_const(Constant::Str(mangled));
                    self.emit(I::StoreSubscr);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(I::PopTop);
                }
            }
            ExprKind::Subscript { value: obj, slice } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.emit(I::PopTop);
                    self.expr(slice)?;
                    self.emit(I::PopTop);
                }
            }
            _ => return Err(self.error("invalid syntax", target.loc)),
        }
        if !simple && module_or_class && !self.future.annotations {
            self.expr(annotation)?;
            self.emit(I::PopTop);
        }
        Ok(())
    }

    fn import(&mut self, a: &Alias) -> R {
        self.load_const(Constant::Int(0));
        self.load_const(Constant::None);
        let idx = self.name_idx(&a.name);
        self.emit(I::ImportName(idx));
        match &a.asname {
            Some(asname) => {
                let parts: Vec<&str> = a.name.split('.').skip(1).collect();
                for (i, part) in parts.iter().enumerate() {
                    let idx = self.name_idx(part);
                    self.emit(I::ImportFrom(idx));
                    if i + 1 < parts.len() {
                        self.emit(I::RotTwo);
                        self.emit(I::PopTop);
                    }
                }
                self.name_op(asname, NameOp::Store)?;
                if !parts.is_empty() {
                    self.emit(I::PopTop);
                }
            }
            None => {
                let top = a.name.split('.').next().unwrap_or(&a.name);
                self.name_op(top, NameOp::Store)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &[Alias], level: u32) -> R {
        if module == Some("__future__")
            && level == 0
            && self.unit_ref().loc.line > self.future.last_line
        {
            return Err(self.compile_error(
                "from __future__ imports must occur at the beginning of the file",
                self.unit_ref().loc,
            ));
        }
        let star = names.iter().find(|a| a.name == "*");
        if let Some(star) = star {
            if self.unit_ref().code.kind != CodeKind::Module {
                return Err(self.compile_error("import * only allowed at module level", star.loc));
            }
        }
        self.load_const(Constant::Int(i64::from(level)));
        let fromlist = names
            .iter()
            .map(|a| Constant::Str(a.name.clone()))
            .collect();
        self.load_const(Constant::Tuple(fromlist));
        let idx = self.name_idx(module.unwrap_or(""));
        self.emit(I::ImportName(idx));
        if star.is_some() {
            self.emit(I::ImportStar);
            return Ok(());
        }
        for a in names {
            let i = self.name_idx(&a.name);
            self.emit(I::ImportFrom(i));
            let bound = a.asname.as_deref().unwrap_or(&a.name);
            self.name_op(bound, NameOp::Store)?;
        }
        self.emit(I::PopTop);
        Ok(())
    }
}

/// The span of the last comparison a conditional jump on `e` evaluates
/// (through `not`, `and`, `or`): CPython's failed-assert location.
fn last_comparison(e: &Expr) -> Option<Location> {
    match &e.kind {
        ExprKind::Compare { .. } => Some(e.loc),
        ExprKind::UnaryOp {
            op: crate::bytecode::UnaryOperator::Not,
            operand,
        } => last_comparison(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_comparison),
        _ => None,
    }
}
