//! Coroutine code (PEP 492, 525, 530): `await`, `async for`, `async with`,
//! the loops of asynchronous comprehensions, and the SyntaxErrors CPython
//! raises where they may not appear.
//!
//! Awaiting is `yield from` on the object's awaitable iterator: the
//! coroutine's frame stays suspended at the Send, so no await nests the
//! Rust stack more than a `yield from` does.

use super::{Compiler, Label, R};
use crate::ast::{Comprehension, Expr, ExprKind, Stmt};
use crate::bytecode::{Constant, Instruction as I, Location};
use crate::symtable::ScopeKind;

/// Where an awaited object came from (GetAwaitable's operand).
pub(super) const AWAIT_PLAIN: u32 = 0;
pub(super) const AWAIT_AENTER: u32 = 1;
pub(super) const AWAIT_AEXIT: u32 = 2;

impl<'t> Compiler<'t, '_> {
    /// The current unit is an `async def` (coroutine or async generator).
    pub(super) fn in_async_def(&self) -> bool {
        let t = self.table();
        t.kind == ScopeKind::Function && t.is_coroutine
    }

    /// The current unit's `yield` yields to an async generator's consumer.
    pub(super) fn in_async_generator(&self) -> bool {
        self.unit_ref().code.flags.async_generator
    }

    /// [awaitable] -> [result]: GetAwaitable and the `yield from` loop.
    pub(super) fn await_value(&mut self, from: u32) {
        self.emit(I::GetAwaitable(from));
        self.load_const(Constant::None);
        self.yield_from_loop();
    }

    /// `await value`.
    pub(super) fn await_expr(&mut self, value: &'t Expr, e: &'t Expr) -> R {
        let kind = self.table().kind;
        if !kind.is_function() {
            return Err(self.compile_error("'await' outside function", e.loc));
        }
        if !self.in_async_def() && kind != ScopeKind::Comprehension {
            return Err(self.compile_error("'await' outside async function", e.loc));
        }
        self.expr(value)?;
        self.set_loc(e.loc);
        self.await_value(AWAIT_PLAIN);
        Ok(())
    }

    /// `yield from` may not appear in an `async def`.
    pub(super) fn check_yield_from(&self, e: &Expr) -> R {
        if self.in_async_def() {
            return Err(self.compile_error("'yield from' inside async function", e.loc));
        }
        Ok(())
    }

    /// `async for target in iter: body else: orelse`.
    pub(super) fn async_for_stmt(
        &mut self,
        target: &'t Expr,
        iter: &'t Expr,
        body: &'t [Stmt],
        orelse: &'t [Stmt],
        loc: Location,
    ) -> R {
        if !self.in_async_def() {
            return Err(self.compile_error("'async for' outside async function", loc));
        }
        let start = self.new_label();
        let except = self.new_label();
        let exit = self.new_label();
        self.expr(iter)?;
        let old = self.set_loc(loc);
        self.emit(I::GetAiter);
        self.place(start);
        self.emit_jump(I::SetupFinally, except);
        self.emit(I::GetAnext);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.emit(I::PopBlock);
        self.set_loc(old);
        self.store_target(target)?;
        self.push_fblock(super::FBlock::ForLoop { start, exit });
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(I::Jump, start);
        self.place(except);
        self.set_loc(iter.loc);
        self.emit(I::EndAsyncFor);
        self.set_loc(old);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    /// The async form of `with_stmt`'s entry: [mgr] -> [exit, entered],
    /// with the handler block set up.
    pub(super) fn async_with_enter(&mut self, handler: Label, loc: Location) -> R {
        if !self.in_async_def() {
            return Err(self.compile_error("'async with' outside async function", loc));
        }
        self.emit(I::BeforeAsyncWith);
        self.await_value(AWAIT_AENTER);
        self.emit_jump(I::SetupAsyncWith, handler);
        Ok(())
    }

    /// One `async for` clause of a comprehension: [aiter] stays below the
    /// loop; `inner` compiles what runs for each item. Jumps to `start`
    /// continue the loop.
    pub(super) fn async_comp_loop(
        &mut self,
        g: &'t Comprehension,
        first: bool,
        inner: &mut dyn FnMut(&mut Self, Label) -> R,
    ) -> R {
        let start = self.new_label();
        let except = self.new_label();
        if first {
            let i = self.varname_idx(".0");
            self.emit(I::LoadFast(i));
        } else {
            self.expr(&g.iter)?;
            self.emit(I::GetAiter);
        }
        self.place(start);
        self.emit_jump(I::SetupFinally, except);
        self.emit(I::GetAnext);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.emit(I::PopBlock);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        inner(self, start)?;
        self.emit_jump(I::Jump, start);
        self.place(except);
        self.emit(I::EndAsyncFor);
        Ok(())
    }
}

/// Whether a comprehension is asynchronous (PEP 530): it has an `async
/// for` clause, or awaits in its body (its first iterable is evaluated
/// outside, so it does not count). A nested comprehension that is
/// asynchronous makes this one asynchronous too, unless it is a generator
/// expression (creating one awaits nothing).
pub(super) fn comprehension_is_async(generators: &[Comprehension], body: &[&Expr]) -> bool {
    generators.iter().any(|g| g.is_async)
        || body.iter().any(|e| awaits(e))
        || generators
            .iter()
            .enumerate()
            .any(|(i, g)| (i > 0 && awaits(&g.iter)) || g.ifs.iter().any(awaits))
}

/// Whether evaluating `e` in the current scope awaits.
fn awaits(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Await(_) => true,
        ExprKind::Lambda { .. } => false,
        ExprKind::GeneratorExp { generators, .. } => {
            generators.first().is_some_and(|g| awaits(&g.iter))
        }
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
            generators.first().is_some_and(|g| awaits(&g.iter))
                || comprehension_is_async(generators, &[elt])
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            generators.first().is_some_and(|g| awaits(&g.iter))
                || comprehension_is_async(generators, &[key, value])
        }
        _ => {
            let mut found = false;
            crate::ast::for_each_child(e, &mut |c| found = found || awaits(c));
            found
        }
    }
}
