//! Loops, try/except/finally and with: the block-stack protocol of
//! bytecode.rs, and the exits (`return`, `break`, `continue`) that leave
//! such blocks early, running finally bodies and `__exit__` on the way.

use super::{Compiler, Label, NameOp, R};
use crate::ast::{ExceptHandler, Expr, Stmt, WithItem};
use crate::bytecode::{Constant, Instruction as I, Location};

/// A compile-time record of an enclosing block (CPython's fblock).
#[derive(Debug, Clone)]
pub(crate) enum FBlock<'t> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// In a try body with an except handler block set up.
    TryExcept,
    /// In a try body whose finally body must run on the way out.
    FinallyTry {
        body: &'t [Stmt],
    },
    /// In the exceptional copy of a finally body: the exception is on the
    /// stack and an except-handler block is active.
    FinallyEnd,
    /// In a with body: `exit` is on the stack, a handler block is set up.
    /// The exit of an `async with` is awaited.
    With {
        loc: Location,
        is_async: bool,
    },
    /// In an except handler body; with a name, a cleanup handler block is
    /// set up too.
    HandlerCleanup {
        name: Option<&'t str>,
    },
    /// In the `except*` clauses of a try statement: `break`, `continue`
    /// and `return` may not leave it.
    ExceptStar,
    /// In a finally body run on the way out of a `return`: the return
    /// value waits under it, so a `break`, `continue` or `return` in the
    /// body drops it.
    PopValue,
}

/// CPython's error for leaving an `except*` clause early.
const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

impl<'t> Compiler<'t, '_> {
    pub(super) fn push_fblock(&mut self, b: FBlock<'t>) {
        self.unit().fblocks.push(b);
    }

    pub(super) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Emits the code that leaves block `b`. With `preserve_tos` the value on
    /// top of the stack (a return value) stays on top.
    fn unwind(&mut self, b: &FBlock<'t>, preserve_tos: bool) -> R {
        match b {
            FBlock::WhileLoop { .. } | FBlock::TryExcept | FBlock::ExceptStar => {
                if matches!(b, FBlock::TryExcept) {
                    self.emit(I::PopBlock);
                }
            }
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(I::RotTwo);
                }
                self.emit(I::PopTop);
            }
            FBlock::FinallyTry { body } => {
                self.emit(I::PopBlock);
                // The finally body runs outside its own block.
                let saved = self.unit().fblocks.pop();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue);
                }
                let r = self.stmts(body);
                if preserve_tos {
                    self.pop_fblock();
                }
                if let Some(s) = saved {
                    self.unit().fblocks.push(s);
                }
                r?;
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(I::RotTwo);
                }
                self.emit(I::PopTop);
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(I::RotTwo);
                }
                self.emit(I::PopTop);
                self.emit(I::PopExcept);
            }
            FBlock::With { loc, is_async } => {
                let old = self.set_loc(*loc);
                self.emit(I::PopBlock);
                if preserve_tos {
                    self.emit(I::RotTwo);
                }
                self.call_exit_none();
                if *is_async {
                    self.await_value(super::coroutines::AWAIT_AEXIT);
                }
                self.emit(I::PopTop);
                self.set_loc(old);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(I::PopBlock);
                }
                self.emit(I::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
        }
        Ok(())
    }

    /// [exit] -> [exit(None, None, None)]
    fn call_exit_none(&mut self) {
        self.load_const(Constant::None);
        self.emit(I::DupTop);
        self.emit(I::DupTop);
        self.emit(I::Call(3));
    }

    /// `name = None; del name` (the end of `except E as name`).
    fn clear_name(&mut self, name: &str) -> R {
        self.load_const(Constant::None);
        self.name_op(name, NameOp::Store)?;
        self.name_op(name, NameOp::Delete)
    }

    /// `return` inside an `except*` clause: CPython's error, at the returned
    /// constant when it is one on the same line, else at the statement.
    pub(super) fn return_in_except_star(&mut self, value: Option<&Expr>, loc: Location) -> R {
        if !self
            .unit()
            .fblocks
            .iter()
            .any(|b| matches!(b, FBlock::ExceptStar))
        {
            return Ok(());
        }
        let at = match value {
            Some(v)
                if matches!(v.kind, crate::ast::ExprKind::Constant(_))
                    && v.loc.line == loc.line =>
            {
                v.loc
            }
            _ => loc,
        };
        Err(self.compile_error(EXCEPT_STAR_EXIT, at))
    }

    /// Unwinds every enclosing block of the current unit, for `return`.
    pub(super) fn unwind_all(&mut self, preserve_tos: bool) -> R {
        let blocks: Vec<FBlock<'t>> = self.unit().fblocks.clone();
        if blocks.iter().any(|b| matches!(b, FBlock::ExceptStar)) {
            let loc = self.unit().loc;
            return Err(self.compile_error(EXCEPT_STAR_EXIT, loc));
        }
        let depth = blocks.len();
        for (i, b) in blocks.iter().enumerate().rev() {
            // Blocks inner to `b` are gone while its exit code is compiled.
            self.unit().fblocks.truncate(i + 1);
            self.unwind(b, preserve_tos)?;
        }
        self.unit().fblocks = blocks;
        debug_assert_eq!(self.unit().fblocks.len(), depth);
        Ok(())
    }

    /// `break` (`is_break`) or `continue`: unwinds to the innermost loop.
    pub(super) fn loop_exit(&mut self, is_break: bool, loc: Location) -> R {
        let blocks: Vec<FBlock<'t>> = self.unit().fblocks.clone();
        let mut found = None;
        for (i, b) in blocks.iter().enumerate().rev() {
            match b {
                FBlock::WhileLoop { start, exit } | FBlock::ForLoop { start, exit } => {
                    found = Some((i, *start, *exit));
                    break;
                }
                FBlock::ExceptStar => return Err(self.compile_error(EXCEPT_STAR_EXIT, loc)),
                _ => {}
            }
        }
        let Some((loop_idx, start, exit)) = found else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.compile_error(msg, loc));
        };
        for i in (loop_idx + 1..blocks.len()).rev() {
            self.unit().fblocks.truncate(i + 1);
            if let Some(b) = blocks.get(i) {
                self.unwind(b, false)?;
            }
        }
        if is_break {
            if let Some(b) = blocks.get(loop_idx) {
                self.unwind(b, false)?;
            }
            self.emit_jump(I::Jump, exit);
        } else {
            self.emit_jump(I::Jump, start);
        }
        self.unit().fblocks = blocks;
        Ok(())
    }

    /// `while`: the test is compiled at the top and again at the bottom
    /// (as CPython does), so an iteration costs one conditional jump.
    pub(super) fn while_stmt(&mut self, test: &'t Expr, body: &'t [Stmt], orelse: &'t [Stmt]) -> R {
        let start = self.new_label();
        let body_label = self.new_label();
        let else_label = self.new_label();
        let exit = self.new_label();
        let forever = is_constant_true(test);
        self.place(start);
        if !forever {
            self.jump_if(test, false, else_label)?;
        }
        self.place(body_label);
        self.push_fblock(FBlock::WhileLoop { start, exit });
        self.stmts(body)?;
        self.pop_fblock();
        if forever {
            self.emit_jump(I::Jump, body_label);
        } else {
            self.jump_if(test, true, body_label)?;
        }
        self.place(else_label);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    pub(super) fn for_stmt(
        &mut self,
        target: &'t Expr,
        iter: &'t Expr,
        body: &'t [Stmt],
        orelse: &'t [Stmt],
        loc: Location,
    ) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.expr(iter)?;
        let old = self.set_loc(loc);
        self.emit(I::GetIter);
        self.place(start);
        self.emit_jump(I::ForIter, cleanup);
        self.set_loc(old);
        self.store_target(target)?;
        self.push_fblock(FBlock::ForLoop { start, exit });
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(I::Jump, start);
        self.place(cleanup);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    pub(super) fn try_stmt(
        &mut self,
        body: &'t [Stmt],
        handlers: &'t [ExceptHandler],
        orelse: &'t [Stmt],
        finalbody: &'t [Stmt],
        star: bool,
        loc: Location,
    ) -> R {
        if finalbody.is_empty() {
            return match star {
                true => self.try_star_except(body, handlers, orelse, loc),
                false => self.try_except(body, handlers, orelse, loc),
            };
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.emit_jump(I::SetupFinally, handler);
        self.push_fblock(FBlock::FinallyTry { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else if star {
            self.try_star_except(body, handlers, orelse, loc)?;
        } else {
            self.try_except(body, handlers, orelse, loc)?;
        }
        self.pop_fblock();
        self.emit(I::PopBlock);
        self.stmts(finalbody)?;
        self.emit_jump(I::Jump, end);
        // Exceptional exit: [exc], the exception is being handled.
        self.place(handler);
        self.push_fblock(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(I::Reraise);
        self.place(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'t [Stmt],
        handlers: &'t [ExceptHandler],
        orelse: &'t [Stmt],
        loc: Location,
    ) -> R {
        let handler = self.new_label();
        let end = self.new_label();
        let old = self.set_loc(loc);
        self.emit_jump(I::SetupFinally, handler);
        self.set_loc(old);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit(I::PopBlock);
        self.stmts(orelse)?;
        self.emit_jump(I::Jump, end);

        self.place(handler);
        let count = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            if h.type_.is_none() && i + 1 < count {
                return Err(self.compile_error("default 'except:' must be last", h.loc));
            }
            let old = self.set_loc(h.loc);
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.emit(I::DupTop);
                self.expr(t)?;
                self.emit_jump(I::JumpIfNotExcMatch, next);
            }
            match &h.name {
                Some(name) => {
                    self.name_op(name, NameOp::Store)?;
                    let cleanup = self.new_label();
                    self.emit_jump(I::SetupFinally, cleanup);
                    self.push_fblock(FBlock::HandlerCleanup { name: Some(name) });
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    // The cleanup has no location of its own in CPython:
                    // it keeps the last instruction's, or none at all.
                    let last = self
                        .unit()
                        .code
                        .locations
                        .last()
                        .copied()
                        .unwrap_or_default();
                    self.set_loc(last);
                    self.emit(I::PopBlock);
                    self.emit(I::PopExcept);
                    self.clear_name(name)?;
                    self.emit_jump(I::Jump, end);
                    // An exception in the handler body: clear the name, re-raise.
                    self.place(cleanup);
                    self.set_loc(Location::default());
                    self.clear_name(name)?;
                    self.emit(I::Reraise);
                }
                None => {
                    self.emit(I::PopTop);
                    self.push_fblock(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.emit(I::PopExcept);
                    self.emit_jump(I::Jump, end);
                }
            }
            self.place(next);
            self.set_loc(old);
        }
        if handlers.last().is_some_and(|h| h.type_.is_some()) {
            self.emit(I::Reraise);
        }
        self.place(end);
        Ok(())
    }

    /// `try: ... except* T as name: ...` (CPython 3.11's scheme on the
    /// block stack). The handler keeps [orig, raised, rest] on the stack:
    /// the exception of the body, the list of what the clauses raised, and
    /// what is still unhandled. Each clause splits `rest` (CheckEgMatch)
    /// and runs at most once; an exception escaping a clause is appended to
    /// `raised`; at the end PrepReraiseStar combines `raised` and `rest`
    /// into the exception to re-raise, if any.
    fn try_star_except(
        &mut self,
        body: &'t [Stmt],
        handlers: &'t [ExceptHandler],
        orelse: &'t [Stmt],
        loc: Location,
    ) -> R {
        let handler = self.new_label();
        let end = self.new_label();
        let old = self.set_loc(loc);
        self.emit_jump(I::SetupFinally, handler);
        self.set_loc(old);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit(I::PopBlock);
        self.stmts(orelse)?;
        self.emit_jump(I::Jump, end);

        // [orig], orig being handled.
        self.place(handler);
        let old = self.set_loc(Location::default());
        self.push_fblock(FBlock::ExceptStar);
        self.emit(I::DupTop);
        self.emit(I::BuildList(0));
        self.emit(I::RotTwo);
        for h in handlers {
            let Some(t) = &h.type_ else {
                return Err(self.compile_error("expected one or more exception types", h.loc));
            };
            self.set_loc(h.loc);
            let next = self.new_label();
            let no_match = self.new_label();
            self.expr(t)?;
            self.emit(I::CheckEgMatch);
            self.emit(I::DupTop);
            self.emit_jump(I::PopJumpIfNone, no_match);
            match &h.name {
                Some(n) => self.name_op(n, NameOp::Store)?,
                None => self.emit(I::PopTop),
            }
            let cleanup = self.new_label();
            self.emit_jump(I::SetupFinally, cleanup);
            self.push_fblock(FBlock::HandlerCleanup {
                name: h.name.as_deref(),
            });
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.set_loc(Location::default());
            self.emit(I::PopBlock);
            if let Some(n) = &h.name {
                self.clear_name(n)?;
            }
            self.emit_jump(I::Jump, next);
            // [orig, raised, rest, exc]: the clause raised exc.
            self.place(cleanup);
            if let Some(n) = &h.name {
                self.clear_name(n)?;
            }
            self.emit(I::ListAppend(2));
            self.emit(I::PopExcept);
            self.emit_jump(I::Jump, next);
            self.place(no_match);
            self.emit(I::PopTop);
            self.place(next);
        }
        self.set_loc(Location::default());
        self.emit(I::ListAppend(1));
        self.emit(I::PrepReraiseStar);
        self.pop_fblock();
        let nothing = self.new_label();
        self.emit(I::DupTop);
        self.emit_jump(I::PopJumpIfNone, nothing);
        self.emit(I::PopExcept);
        self.emit(I::Reraise);
        self.place(nothing);
        self.emit(I::PopTop);
        self.emit(I::PopExcept);
        self.set_loc(old);
        self.place(end);
        Ok(())
    }

    pub(super) fn with_stmt(
        &mut self,
        items: &'t [WithItem],
        body: &'t [Stmt],
        is_async: bool,
        loc: Location,
    ) -> R {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        if is_async && !self.in_async_def() {
            return Err(self.compile_error("'async with' outside async function", loc));
        }
        let handler = self.new_label();
        let suppress = self.new_label();
        let exit = self.new_label();
        self.expr(&item.context_expr)?;
        let old = self.set_loc(item.context_expr.loc);
        if is_async {
            self.async_with_enter(handler, loc)?;
        } else {
            self.emit_jump(I::SetupWith, handler);
        }
        self.set_loc(old);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(I::PopTop),
        }
        self.push_fblock(FBlock::With { loc, is_async });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body, is_async, loc)?;
        }
        self.pop_fblock();
        let old = self.set_loc(loc);
        self.emit(I::PopBlock);
        self.call_exit_none();
        if is_async {
            self.await_value(super::coroutines::AWAIT_AEXIT);
        }
        self.emit(I::PopTop);
        self.emit_jump(I::Jump, exit);
        // [exit, exc]
        self.place(handler);
        self.emit(I::WithExceptStart);
        if is_async {
            self.await_value(super::coroutines::AWAIT_AEXIT);
        }
        self.emit_jump(I::PopJumpIfTrue, suppress);
        self.emit(I::Reraise);
        self.place(suppress);
        self.emit(I::PopTop);
        self.emit(I::PopExcept);
        self.emit(I::PopTop);
        self.place(exit);
        self.set_loc(old);
        Ok(())
    }
}

fn is_constant_true(e: &Expr) -> bool {
    use crate::ast::ExprKind;
    match &e.kind {
        ExprKind::Constant(c) => match c {
            Constant::Bool(b) => *b,
            Constant::Int(i) => *i != 0,
            Constant::Str(s) => !s.is_empty(),
            Constant::Ellipsis => true,
            _ => false,
        },
        _ => false,
    }
}
