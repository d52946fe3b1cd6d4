//! The eval loop: one `match` over instructions, with an explicit frame
//! stack (a Python-to-Python call pushes a frame instead of recursing on
//! the Rust stack), exception unwinding through the block stack, and
//! generator suspension.

use std::rc::Rc;

use rpy_compiler::bytecode::{CodeKind, ComparisonOperator, Conversion, Instruction as I};

use crate::eval::frame::{Block, Frame};
use crate::native::{Args, NativeKind};
use crate::object::Payload;
use crate::objects::code::Code;
use crate::objects::exception::{exc_data, TbEntry};
use crate::objects::function::FunctionData;
use crate::objects::type_::is_subtype;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// How a frame left the eval loop.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

enum Transfer {
    Call(Box<Frame>),
    Return(Value),
    Yield(Value),
}

impl Vm {
    /// Runs a function frame to completion (nested eval loop).
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        self.recursion_enter("")?;
        let (frame, r) = stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, || self.run(frame, None));
        self.depth -= 1;
        self.recycle(frame);
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.system_error("yield outside a generator frame")),
        }
    }

    /// Returns a finished frame to the pool (unless a frame object holds
    /// its core, which then keeps the final state).
    pub(crate) fn recycle(&mut self, mut f: Box<Frame>) {
        if f.clear() && self.frame_pool.len() < 64 {
            self.frame_pool.push(f);
        }
    }

    /// Runs `entry` (and the frames it calls) until it returns or yields.
    /// With `throw`, the exception is raised in `entry` first. Returns the
    /// entry frame with the outcome. The frame that was running when the
    /// loop started (blocked in the native call that started it) becomes
    /// the entry's caller (`FrameCore::back`).
    pub(crate) fn run(
        &mut self,
        entry: Box<Frame>,
        throw: Option<PyErr>,
    ) -> (Box<Frame>, PyResult<Exit>) {
        let base = self.frame_stack.len();
        let mut cur = entry;
        let outer = self.cur_frame.replace(cur.core.clone());
        drop(cur.core.back.replace(outer.clone()));
        self.loops.push(crate::objects::frame::LoopAnchor { outer });
        if cur.core.has_obj() {
            self.frame_resume(&cur);
        }
        let mut pending: Option<PyErr> = throw;
        loop {
            let r = match pending.take() {
                Some(e) => Err(e),
                None => self.execute(&mut cur),
            };
            match r {
                Ok(Transfer::Call(new)) => {
                    // An inlined `C(...)` counts the type call too.
                    let extra = usize::from(new.init_of.is_some());
                    if extra == 1 && self.depth >= self.recursion_limit {
                        self.recycle(new);
                        pending = Some(self.recursion_error(
                            "maximum recursion depth exceeded while calling a Python object",
                        ));
                        continue;
                    }
                    if self.depth + extra >= self.recursion_limit {
                        self.recycle(new);
                        pending = Some(self.recursion_error("maximum recursion depth exceeded"));
                        continue;
                    }
                    if let Err(e) = self
                        .check_interrupt()
                        .and_then(|()| self.tick(Some(&cur), 1))
                    {
                        self.recycle(new);
                        pending = Some(e);
                        continue;
                    }
                    self.depth += 1 + extra;
                    self.gc_maybe_collect();
                    new.core.back.set(Some(cur.core.clone()));
                    self.cur_frame = Some(new.core.clone());
                    self.frame_stack.push(std::mem::replace(&mut cur, new));
                }
                Ok(Transfer::Return(v)) => {
                    self.exit_frame_blocks(&mut cur);
                    self.frame_exit(&cur);
                    if self.frame_stack.len() > base {
                        let Some(parent) = self.frame_stack.pop() else {
                            return self.lost_caller(cur);
                        };
                        let done = std::mem::replace(&mut cur, parent);
                        self.depth -= 1 + usize::from(done.init_of.is_some());
                        self.cur_frame = Some(cur.core.clone());
                        let v = match done.init_of.clone() {
                            Some(inst) => {
                                if !v.is_none() {
                                    let msg = format!(
                                        "__init__() should return None, not '{}'",
                                        self.type_name(&v)
                                    );
                                    self.recycle(done);
                                    pending = Some(self.type_error(msg));
                                    continue;
                                }
                                inst
                            }
                            None => v,
                        };
                        self.recycle(done);
                        cur.push(v);
                    } else {
                        self.leave_loop();
                        return (cur, Ok(Exit::Return(v)));
                    }
                }
                Ok(Transfer::Yield(v)) => {
                    self.frame_suspend(&cur);
                    self.leave_loop();
                    return (cur, Ok(Exit::Yield(v)));
                }
                Err(e) => match self.unwind(&mut cur, e) {
                    Ok(()) => {}
                    Err(e) => {
                        self.frame_exit(&cur);
                        if self.frame_stack.len() > base {
                            let Some(parent) = self.frame_stack.pop() else {
                                return self.lost_caller(cur);
                            };
                            let done = std::mem::replace(&mut cur, parent);
                            self.depth -= 1 + usize::from(done.init_of.is_some());
                            self.cur_frame = Some(cur.core.clone());
                            self.recycle(done);
                            pending = Some(e);
                        } else {
                            self.leave_loop();
                            return (cur, Err(e));
                        }
                    }
                },
            }
        }
    }

    /// A frame finishes: it lets go of its caller, unless a frame object
    /// holds it (which keeps the final state and `f_back`).
    #[inline]
    fn frame_exit(&mut self, f: &Frame) {
        if f.core.has_obj() {
            self.frame_finished(&f.core);
        } else {
            drop(f.core.back.take());
        }
    }

    /// A generator frame yields: a suspended frame has no caller.
    #[inline]
    fn frame_suspend(&mut self, f: &Frame) {
        drop(f.core.back.take());
        if f.core.has_obj() {
            self.frame_suspended(&f.core);
        }
    }

    /// The frame stack lost a caller it was just seen to hold: a broken
    /// invariant, reported as SystemError rather than run on a made-up frame.
    #[cold]
    fn lost_caller(&mut self, cur: Box<Frame>) -> (Box<Frame>, PyResult<Exit>) {
        debug_assert!(false, "eval loop: the frame stack lost a caller");
        self.leave_loop();
        let e = self.system_error("rpy's frame stack lost a caller frame");
        (cur, Err(e))
    }

    /// Ends the innermost eval loop: the frame that started it runs again.
    fn leave_loop(&mut self) {
        if let Some(a) = self.loops.pop() {
            self.cur_frame = a.outer;
        }
    }

    /// On return, drops except-handler blocks still open (restoring the
    /// handled exception as the compiler's PopExcept would).
    fn exit_frame_blocks(&mut self, f: &mut Frame) {
        if f.blocks.is_empty() {
            return;
        }
        let mut restore = None;
        for b in f.blocks.drain(..) {
            if let Block::ExceptHandler { saved } = b {
                if restore.is_none() {
                    restore = Some(saved);
                }
            }
        }
        if let Some(s) = restore {
            self.handled = s;
        }
    }

    /// Handles exception `e` raised at `f.lasti()`: records the traceback
    /// entry and jumps to the innermost handler, or gives `e` back when
    /// the frame has none.
    fn unwind(&mut self, f: &mut Frame, e: PyErr) -> Result<(), PyErr> {
        if self.finalize_queue.pending.get() {
            // What the failing instruction dropped is reported there.
            let code = f.core.code.clone();
            self.run_finalizers_at(Some(crate::warn::WarnSite {
                code: &code,
                lasti: f.lasti(),
                globals: &f.core.globals,
            }));
        }
        let instr = f.core.code.co.instructions.get(f.lasti()).copied();
        let reraise = matches!(
            instr,
            Some(I::Reraise) | Some(I::Raise(0)) | Some(I::EndAsyncFor)
        );
        if let Some(d) = exc_data(&Value::Obj(e.0.clone())) {
            if !reraise {
                // An exception group with no traceback yet comes from an
                // `except*` statement's re-raise: not chained here either.
                let fresh = (d.traceback.borrow().is_empty() && d.group.borrow().is_none())
                    || matches!(instr, Some(I::Raise(_)));
                if fresh {
                    self.chain_context(&e);
                }
                let frame = Some(self.running_frame_object(f));
                d.traceback.borrow_mut().push(TbEntry {
                    code: f.core.code.clone(),
                    ip: f.lasti() as u32,
                    globals: Some(f.core.globals.clone()),
                    frame,
                });
            }
        }
        loop {
            match f.blocks.pop() {
                None => return Err(e),
                Some(Block::ExceptHandler { saved }) => self.handled = saved,
                Some(Block::Finally { handler, depth }) => {
                    f.stack.truncate(depth as usize);
                    let prev = self.handled.replace(e.0.clone());
                    f.blocks.push(Block::ExceptHandler { saved: prev });
                    f.stack.push(Value::Obj(e.0));
                    f.ip = handler as usize;
                    return Ok(());
                }
            }
        }
    }

    /// The error Reraise raises for `e` (an exception, by construction).
    fn reraise_value(&mut self, e: Value) -> PyErr {
        match e {
            Value::Obj(o) if exc_data(&Value::Obj(o.clone())).is_some() => PyErr(o),
            _ => self.system_error("reraise of a non-exception"),
        }
    }

    /// Sets `e.__context__` to the exception being handled (implicit
    /// chaining), breaking any cycle that would create.
    pub(crate) fn chain_context(&mut self, e: &PyErr) {
        let Some(h) = self.handled.clone() else {
            return;
        };
        if Rc::ptr_eq(&h, &e.0) {
            return;
        }
        let ev = Value::Obj(e.0.clone());
        let Some(d) = exc_data(&ev) else { return };
        // Break cycles: walk h's context chain; if it reaches e, cut it.
        let mut o = h.clone();
        for _ in 0..10_000 {
            let next = match exc_data(&Value::Obj(o.clone())) {
                Some(od) => od.context.borrow().clone(),
                None => break,
            };
            match next {
                Value::Obj(n) => {
                    if Rc::ptr_eq(&n, &e.0) {
                        if let Some(od) = exc_data(&Value::Obj(o.clone())) {
                            *od.context.borrow_mut() = Value::None;
                        }
                        break;
                    }
                    o = n;
                }
                _ => break,
            }
        }
        *d.context.borrow_mut() = Value::Obj(h);
    }

    #[inline]
    fn execute(&mut self, f: &mut Frame) -> PyResult<Transfer> {
        let code = f.core.code.clone();
        let instrs = &code.co.instructions;
        loop {
            let Some(&ins) = instrs.get(f.ip) else {
                return Err(self.system_error("instruction pointer out of range"));
            };
            if self.finalize_queue.pending.get() {
                // Before lasti moves on: a warning about what was dropped
                // names the instruction that dropped it.
                self.run_finalizers_at(Some(crate::warn::WarnSite {
                    code: &code,
                    lasti: f.lasti(),
                    globals: &f.core.globals,
                }));
            }
            f.core.lasti.set(f.ip);
            f.ip += 1;
            match ins {
                I::Nop => {}
                I::PopTop => {
                    f.stack.pop();
                }
                I::RotTwo => {
                    let n = f.stack.len();
                    if n >= 2 {
                        f.stack.swap(n - 1, n - 2);
                    }
                }
                I::RotThree => {
                    let v = f.pop();
                    let n = f.stack.len();
                    f.stack.insert(n.saturating_sub(2), v);
                }
                I::RotFour => {
                    let v = f.pop();
                    let n = f.stack.len();
                    f.stack.insert(n.saturating_sub(3), v);
                }
                I::DupTop => {
                    let v = f.top();
                    f.push(v);
                }
                I::DupTopTwo => {
                    let a = f.peek(1);
                    let b = f.peek(0);
                    f.push(a);
                    f.push(b);
                }
                I::LoadConst(i) => {
                    let v = code.consts.get(i as usize).cloned().unwrap_or(Value::None);
                    f.push(v);
                }
                I::LoadFast(i) => match f.core.get_fast(i as usize) {
                    Some(v) => f.push(v),
                    None => return Err(self.unbound_local(&code, i)),
                },
                I::StoreFast(i) => {
                    let v = f.pop();
                    let old = f.core.set_fast(i as usize, Some(v));
                    drop(old);
                }
                I::DeleteFast(i) => match f.core.set_fast(i as usize, None) {
                    Some(old) => drop(old),
                    None => return Err(self.unbound_local(&code, i)),
                },
                I::LoadDeref(i) => {
                    let v = self.cell_get(f, i)?;
                    f.push(v);
                }
                I::StoreDeref(i) => {
                    let v = f.pop();
                    if let Some(Payload::Cell(c)) = f.core.cells.get(i as usize).map(|c| &c.payload)
                    {
                        let old = c.borrow_mut().replace(v);
                        drop(old);
                    }
                }
                I::DeleteDeref(i) => {
                    self.cell_get(f, i)?;
                    if let Some(Payload::Cell(c)) = f.core.cells.get(i as usize).map(|c| &c.payload)
                    {
                        let old = c.borrow_mut().take();
                        drop(old);
                    }
                }
                I::LoadClosure(i) => {
                    let c = f.core.cells.get(i as usize).cloned();
                    match c {
                        Some(c) => f.push(Value::Obj(c)),
                        None => return Err(self.system_error("bad closure index")),
                    }
                }
                I::LoadClassDeref(i) => {
                    let name = self.deref_name(&code, i);
                    let mut found = None;
                    if let Some(loc) = f.core.locals.clone() {
                        found = self.mapping_lookup(&loc, &name)?;
                    }
                    let v = match found {
                        Some(v) => v,
                        None => self.cell_get(f, i)?,
                    };
                    f.push(v);
                }
                I::LoadGlobal(i) => {
                    let v =
                        match code
                            .global_cache
                            .load(i as usize, &f.core.globals, &f.core.builtins)
                        {
                            Some(v) => v,
                            None => self.load_global_slow(&code, i as usize, f)?,
                        };
                    f.push(v);
                }
                I::StoreGlobal(i) => {
                    let v = f.pop();
                    match code.global_cache.store(i as usize, &f.core.globals, v) {
                        Ok(old) => drop(old),
                        Err(v) => {
                            let name = code.names[i as usize].clone();
                            self.dict_set(&f.core.globals.clone(), Value::Obj(name), v)?;
                        }
                    }
                }
                I::DeleteGlobal(i) => {
                    let name = code.names[i as usize].clone();
                    if self
                        .dict_del(&f.core.globals.clone(), &Value::Obj(name.clone()))?
                        .is_none()
                    {
                        return Err(self.name_not_defined(&name));
                    }
                }
                I::LoadName(i) => {
                    if self.locals_are_globals(f) {
                        // A module body: the same lookup as LoadGlobal.
                        let v = match code.global_cache.load(
                            i as usize,
                            &f.core.globals,
                            &f.core.builtins,
                        ) {
                            Some(v) => v,
                            None => self.load_global_slow(&code, i as usize, f)?,
                        };
                        f.push(v);
                        continue;
                    }
                    let name = code.names[i as usize].clone();
                    let mut v = None;
                    if let Some(loc) = f.core.locals.clone() {
                        v = self.mapping_lookup(&loc, &name)?;
                    }
                    if v.is_none() {
                        v = crate::objects::dict::get_str(&f.core.globals, &name);
                    }
                    if v.is_none() {
                        v = crate::objects::dict::get_str(&f.core.builtins, &name);
                    }
                    match v {
                        Some(v) => f.push(v),
                        None => return Err(self.name_not_defined(&name)),
                    }
                }
                I::StoreName(i) => {
                    let mut v = f.pop();
                    if self.locals_are_globals(f) {
                        match code.global_cache.store(i as usize, &f.core.globals, v) {
                            Ok(old) => {
                                drop(old);
                                continue;
                            }
                            Err(back) => v = back,
                        }
                    }
                    let name = code.names[i as usize].clone();
                    match f.core.locals.clone() {
                        Some(Value::Obj(d))
                            if matches!(d.payload, Payload::Dict(_))
                                && d.class_is(&self.types.dict) =>
                        {
                            self.dict_set(&d, Value::Obj(name), v)?
                        }
                        Some(loc) => self.set_item(&loc, Value::Obj(name), v)?,
                        None => self.dict_set(&f.core.globals.clone(), Value::Obj(name), v)?,
                    }
                }
                I::DeleteName(i) => {
                    let name = code.names[i as usize].clone();
                    let loc = f
                        .core
                        .locals
                        .clone()
                        .unwrap_or(Value::Obj(f.core.globals.clone()));
                    let r = match &loc {
                        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => {
                            self.dict_del(d, &Value::Obj(name.clone()))?.is_some()
                        }
                        _ => match self.del_item(&loc, &Value::Obj(name.clone())) {
                            Ok(()) => true,
                            Err(e) if self.err_matches(&e, &self.exc.key_error.clone()) => false,
                            Err(e) => return Err(e),
                        },
                    };
                    if !r {
                        return Err(self.name_not_defined(&name));
                    }
                }
                I::LoadAttr(i) => {
                    let obj = f.pop();
                    let name = &code.names[i as usize];
                    let v = match code.attr_cache.load(i as usize, &obj, name) {
                        Some(v) => v,
                        None => {
                            let v = self.get_attr(&obj, name)?;
                            if !code.attr_cache.is_current(i as usize, &obj) {
                                code.attr_cache.fill(self, i as usize, &obj, name);
                            }
                            v
                        }
                    };
                    f.push(v);
                }
                I::StoreAttr(i) => {
                    let obj = f.pop();
                    let v = f.pop();
                    let name = &code.names[i as usize];
                    match code.attr_cache.store(i as usize, &obj, name, v) {
                        Ok(old) => drop(old),
                        Err(v) => {
                            self.set_attr(&obj, name, v)?;
                            if !code.attr_cache.is_current(i as usize, &obj) {
                                code.attr_cache.fill(self, i as usize, &obj, name);
                            }
                        }
                    }
                }
                I::DeleteAttr(i) => {
                    let obj = f.pop();
                    self.del_attr(&obj, &code.names[i as usize])?;
                }
                I::LoadMethod(i) => {
                    let obj = f.pop();
                    let name = &code.names[i as usize];
                    match self.load_method(&obj, name)? {
                        Some(func) => {
                            f.push(func);
                            f.push(obj);
                        }
                        None => {
                            let attr = self.get_attr(&obj, name)?;
                            f.push(attr);
                            f.push(Value::Obj(self.null_marker.clone()));
                        }
                    }
                }
                I::BinarySubscr => {
                    let key = f.pop();
                    let container = f.pop();
                    let v = self.get_item(&container, &key)?;
                    f.push(v);
                }
                I::StoreSubscr => {
                    let key = f.pop();
                    let container = f.pop();
                    let v = f.pop();
                    self.set_item(&container, key, v)?;
                }
                I::DeleteSubscr => {
                    let key = f.pop();
                    let container = f.pop();
                    self.del_item(&container, &key)?;
                }
                I::BuildSlice(n) => {
                    let step = if n == 3 { f.pop() } else { Value::None };
                    let stop = f.pop();
                    let start = f.pop();
                    let s = self.new_slice(start, stop, step);
                    f.push(s);
                }
                I::UnaryOp(op) => {
                    let v = f.pop();
                    let r = self.unary_op(&v, op)?;
                    f.push(r);
                }
                I::BinaryOp(op) | I::InplaceOp(op) => {
                    let n = f.stack.len();
                    if n >= 2 {
                        if let (Value::Int(x), Value::Int(y)) = (&f.stack[n - 2], &f.stack[n - 1]) {
                            if let Some(r) = small_int_op(op, *x, *y) {
                                f.stack.truncate(n - 1);
                                f.stack[n - 2] = Value::Int(r);
                                continue;
                            }
                        }
                        if let (Value::Float(x), Value::Float(y)) =
                            (&f.stack[n - 2], &f.stack[n - 1])
                        {
                            if let Some(r) = small_float_op(op, *x, *y) {
                                f.stack.truncate(n - 1);
                                f.stack[n - 2] = Value::Float(r);
                                continue;
                            }
                        }
                    }
                    let b = f.pop();
                    let a = f.pop();
                    let r = if matches!(ins, I::InplaceOp(_)) {
                        self.inplace_op(&a, &b, op)?
                    } else {
                        self.binary_op(&a, &b, op)?
                    };
                    f.push(r);
                }
                I::CompareOp(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => Value::Bool(match op {
                            ComparisonOperator::Lt => x < y,
                            ComparisonOperator::Le => x <= y,
                            ComparisonOperator::Eq => x == y,
                            ComparisonOperator::Ne => x != y,
                            ComparisonOperator::Gt => x > y,
                            ComparisonOperator::Ge => x >= y,
                        }),
                        _ => self.compare(&a, &b, op)?,
                    };
                    f.push(r);
                }
                I::IsOp(invert) => {
                    let b = f.pop();
                    let a = f.pop();
                    f.push(Value::Bool(a.is(&b) != invert));
                }
                I::ContainsOp(invert) => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = self.contains(&b, &a)?;
                    f.push(Value::Bool(r != invert));
                }
                I::BuildTuple(n) => {
                    let items = f.pop_n(n as usize);
                    let t = self.new_tuple(items);
                    f.push(t);
                }
                I::BuildList(n) => {
                    let items = f.pop_n(n as usize);
                    let l = self.new_list(items);
                    f.push(l);
                }
                I::BuildSet(n) => {
                    let items = f.pop_n(n as usize);
                    let cell = std::cell::RefCell::new(crate::objects::table::SetTable::new());
                    for it in items {
                        self.set_add(&cell, it)?;
                    }
                    // CPython builds a display of 3+ constants as a
                    // frozenset constant merged into an empty set, which
                    // lays the table out differently: do the same.
                    let n = n as usize;
                    let all_const = n > 2
                        && f.lasti() >= n
                        && instrs[f.lasti() - n..f.lasti()]
                            .iter()
                            .all(|x| matches!(x, I::LoadConst(_)));
                    let table = if all_const {
                        let mut t = crate::objects::table::SetTable::new();
                        t.merge_fast(&cell.borrow());
                        t
                    } else {
                        cell.into_inner()
                    };
                    let s = self.new_set(table);
                    f.push(s);
                }
                I::BuildMap(n) => {
                    let items = f.pop_n(2 * n as usize);
                    let d = self.new_dict_ref();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(&d, k, v)?;
                    }
                    f.push(Value::Obj(d));
                }
                I::BuildString(n) => {
                    let items = f.pop_n(n as usize);
                    let mut s = String::new();
                    for it in &items {
                        s.push_str(it.as_str().unwrap_or(""));
                    }
                    let v = self.str_val(s);
                    f.push(v);
                }
                I::ListAppend(i) => {
                    let v = f.pop();
                    let l = f.peek(i as usize - 1);
                    if let Some(Payload::List(cell)) = l.payload() {
                        crate::heap_stats::push_charged(&mut cell.borrow_mut(), v);
                    }
                }
                I::SetAdd(i) => {
                    let v = f.pop();
                    let s = f.peek(i as usize - 1);
                    if let Some(Payload::Set(cell)) = s.payload() {
                        self.set_add(cell, v)?;
                    }
                }
                I::MapAdd(i) => {
                    let v = f.pop();
                    let k = f.pop();
                    let d = f.peek(i as usize - 1);
                    if let Value::Obj(dd) = &d {
                        self.dict_set(dd, k, v)?;
                    }
                }
                I::ListExtend(i) => {
                    let src = f.pop();
                    let l = f.peek(i as usize - 1);
                    let items = match self.iterate(&src) {
                        Ok(items) => items,
                        Err(e)
                            if self.err_matches(&e, &self.exc.type_error.clone())
                                && self.get_iter(&src).is_err() =>
                        {
                            // Building call arguments: name the function.
                            if matches!(instrs.get(f.ip), Some(I::ListToTuple)) {
                                let func = f.peek(i as usize);
                                let fd = self.func_desc(&func);
                                return Err(self.type_error(format!(
                                    "{fd} argument after * must be an iterable, not {}",
                                    self.type_name(&src)
                                )));
                            }
                            return Err(self.type_error(format!(
                                "Value after * must be an iterable, not {}",
                                self.type_name(&src)
                            )));
                        }
                        Err(e) => return Err(e),
                    };
                    if let Some(Payload::List(cell)) = l.payload() {
                        crate::heap_stats::extend_charged(&mut cell.borrow_mut(), items);
                    }
                }
                I::SetUpdate(i) => {
                    let src = f.pop();
                    let s = f.peek(i as usize - 1);
                    // A constant tuple stands for CPython's frozenset
                    // constant: merge it as a set (same table layout).
                    let src = if f.lasti() > 0
                        && matches!(instrs.get(f.lasti() - 1), Some(I::LoadConst(_)))
                        && src.as_tuple().is_some()
                    {
                        let t = self.set_table_from(&src)?;
                        self.new_frozenset(t)
                    } else {
                        src
                    };
                    if let Some(Payload::Set(cell)) = s.payload() {
                        self.set_update_from(cell, &src)?;
                    }
                }
                I::DictUpdate(i) => {
                    let src = f.pop();
                    let d = f.peek(i as usize - 1);
                    if let Value::Obj(dd) = &d {
                        let keys_name = self.names.keys.clone();
                        if !matches!(src.payload(), Some(Payload::Dict(_)))
                            && self.lookup_special(&src, &keys_name).is_none()
                        {
                            return Err(self.type_error(format!(
                                "'{}' object is not a mapping",
                                self.type_name(&src)
                            )));
                        }
                        crate::objects::dict::dict_update_from(self, dd, &src, "update")?;
                    }
                }
                I::DictMerge(i) => {
                    let src = f.pop();
                    let d = f.peek(i as usize - 1);
                    let func = f.peek(i as usize + 1);
                    self.dict_merge(&d, &src, &func)?;
                }
                I::ListToTuple => {
                    let l = f.pop();
                    let items = match l.payload() {
                        Some(Payload::List(cell)) => std::mem::take(&mut *cell.borrow_mut()),
                        _ => Vec::new(),
                    };
                    let t = self.new_tuple(items);
                    f.push(t);
                }
                I::FormatValue {
                    conversion,
                    has_spec,
                } => {
                    let spec = if has_spec { f.pop() } else { Value::None };
                    let v = f.pop();
                    let v = match conversion {
                        Conversion::None => v,
                        Conversion::Str => self.str_value(&v)?,
                        Conversion::Repr => {
                            let s = self.repr(&v)?;
                            self.str_val(s)
                        }
                        Conversion::Ascii => {
                            let s = self.repr(&v)?;
                            let a = crate::format::ascii_escape(&s);
                            self.str_val(a)
                        }
                    };
                    let spec_s = spec.as_str().unwrap_or("").to_owned();
                    let r = if spec_s.is_empty()
                        && v.as_str().is_some()
                        && self
                            .class_of(&v)
                            .as_type()
                            .map(|t| !t.heap)
                            .unwrap_or(false)
                    {
                        v
                    } else {
                        self.format(&v, &spec_s)?
                    };
                    f.push(r);
                }
                I::UnpackSequence(n) => {
                    let seq = f.pop();
                    let items = self.unpack(&seq, n as usize)?;
                    for it in items.into_iter().rev() {
                        f.push(it);
                    }
                }
                I::UnpackEx { before, after } => {
                    let seq = f.pop();
                    let items = self.unpack_ex(&seq, before as usize, after as usize)?;
                    for it in items.into_iter().rev() {
                        f.push(it);
                    }
                }
                I::Jump(t) => {
                    if (t as usize) < f.ip {
                        // Loop back-edge: a safe point for the collector,
                        // for Ctrl-C, and where limits are checked (cost: the
                        // body).
                        self.gc_maybe_collect();
                        self.check_interrupt()?;
                        self.tick(Some(f), (f.ip - t as usize) as u32)?;
                    }
                    f.ip = t as usize;
                }
                I::PopJumpIfFalse(t) => {
                    let v = f.pop();
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => self.is_true(&v)?,
                    };
                    if !b {
                        if (t as usize) < f.ip {
                            // `while` loops test at the bottom.
                            self.check_interrupt()?;
                            self.tick(Some(f), (f.ip - t as usize) as u32)?;
                        }
                        f.ip = t as usize;
                    }
                }
                I::PopJumpIfNone(t) => {
                    if f.pop().is_none() {
                        f.ip = t as usize;
                    }
                }
                I::PopJumpIfTrue(t) => {
                    let v = f.pop();
                    let b = match v {
                        Value::Bool(b) => b,
                        _ => self.is_true(&v)?,
                    };
                    if b {
                        if (t as usize) < f.ip {
                            // `while` loops test at the bottom.
                            self.check_interrupt()?;
                            self.tick(Some(f), (f.ip - t as usize) as u32)?;
                        }
                        f.ip = t as usize;
                    }
                }
                I::JumpIfFalseOrPop(t) => {
                    let v = f.top();
                    if !self.is_true(&v)? {
                        f.ip = t as usize;
                    } else {
                        f.pop();
                    }
                }
                I::JumpIfTrueOrPop(t) => {
                    let v = f.top();
                    if self.is_true(&v)? {
                        f.ip = t as usize;
                    } else {
                        f.pop();
                    }
                }
                I::GetIter => {
                    let v = f.pop();
                    let it = self.get_iter(&v)?;
                    f.push(it);
                }
                I::ForIter(t) => {
                    let it = f.top();
                    let next = match &it {
                        Value::Obj(o) => match &o.payload {
                            Payload::Iter(st) => self.iter_fast_step(st)?,
                            _ => self.next(&it)?,
                        },
                        _ => self.next(&it)?,
                    };
                    match next {
                        Some(v) => f.push(v),
                        None => {
                            f.pop();
                            f.ip = t as usize;
                        }
                    }
                }
                I::ReturnValue => {
                    let v = f.pop();
                    return Ok(Transfer::Return(v));
                }
                I::Call(n) => {
                    let n = n as usize;
                    let base = f.stack.len() - n - 1;
                    if let Some(t) = self.call_from_stack(f, base, 0)? {
                        return Ok(t);
                    }
                }
                I::CallKw(n) => {
                    let kwnames = f.pop();
                    let n = n as usize;
                    let base = f.stack.len() - n - 1;
                    let callable = f.stack[base].clone();
                    let kn: Vec<Value> = kwnames.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let r = {
                        let args = Args::with_kw(&f.stack[base + 1..], &kn);
                        self.call_value(f, &callable, args)?
                    };
                    match r {
                        CallOutcome::Value(v) => {
                            f.stack.truncate(base);
                            f.push(v);
                        }
                        CallOutcome::Frame(fr) => {
                            f.stack.truncate(base);
                            return Ok(Transfer::Call(fr));
                        }
                    }
                }
                I::CallFunctionEx { has_kwargs } => {
                    let kwargs = if has_kwargs { f.pop() } else { Value::None };
                    let args = f.pop();
                    let callable = f.pop();
                    let mut values: Vec<Value> = match args.as_tuple() {
                        Some(t) => t.to_vec(),
                        None => {
                            if self.get_iter(&args).is_err() {
                                let fd = self.func_desc(&callable);
                                return Err(self.type_error(format!(
                                    "{fd} argument after * must be an iterable, not {}",
                                    self.type_name(&args)
                                )));
                            }
                            self.iterate(&args)?
                        }
                    };
                    let mut kwnames = Vec::new();
                    if let Value::Obj(d) = &kwargs {
                        for (k, v) in crate::objects::dict::entries(d) {
                            if k.as_str().is_none() {
                                return Err(self.type_error("keywords must be strings"));
                            }
                            kwnames.push(k);
                            values.push(v);
                        }
                    }
                    let r = self.call_value(f, &callable, Args::with_kw(&values, &kwnames))?;
                    match r {
                        CallOutcome::Value(v) => f.push(v),
                        CallOutcome::Frame(fr) => return Ok(Transfer::Call(fr)),
                    }
                }
                I::CallMethod(n) => {
                    let n = n as usize;
                    let base = f.stack.len() - n - 2;
                    let is_null = matches!(&f.stack[base + 1], Value::Obj(o) if Rc::ptr_eq(o, &self.null_marker));
                    if is_null {
                        // [attr, NULL, args]: call attr with args.
                        f.stack.remove(base + 1);
                        if let Some(t) = self.call_from_stack(f, base, 0)? {
                            return Ok(t);
                        }
                    } else if let Some(t) = self.call_from_stack(f, base, 1)? {
                        return Ok(t);
                    }
                }
                I::MakeFunction(flags) => {
                    let code_v = f.pop();
                    let closure = if flags.closure { f.pop() } else { Value::None };
                    let annotations = if flags.annotations {
                        f.pop()
                    } else {
                        Value::None
                    };
                    let kwdefaults = if flags.kw_defaults {
                        f.pop()
                    } else {
                        Value::None
                    };
                    let defaults = if flags.defaults { f.pop() } else { Value::None };
                    let func =
                        self.make_function(f, &code_v, defaults, kwdefaults, annotations, closure)?;
                    f.push(func);
                }
                I::LoadBuildClass => {
                    let k = self.names.__build_class__.clone();
                    match crate::objects::dict::get_str(&f.core.builtins, &k) {
                        Some(v) => f.push(v),
                        None => {
                            let c = self.exc.name_error.clone();
                            return Err(self.new_error(&c, "__build_class__ not found"));
                        }
                    }
                }
                I::LoadAssertionError => {
                    let c = self.exc.assertion_error.clone();
                    f.push(Value::Obj(c));
                }
                I::SetupAnnotations => {
                    let k = self.names.__annotations__.clone();
                    let loc = f
                        .core
                        .locals
                        .clone()
                        .unwrap_or(Value::Obj(f.core.globals.clone()));
                    if self.mapping_lookup(&loc, &k)?.is_none() {
                        let d = self.new_dict();
                        self.set_item(&loc, Value::Obj(k), d)?;
                    }
                }
                I::PrintExpr => {
                    let v = f.pop();
                    let k = self.names.displayhook.clone();
                    let Some(hook) = self.get_attr_opt(&Value::Obj(self.sys.clone()), &k)? else {
                        return Err(self.runtime_error("lost sys.displayhook"));
                    };
                    self.call(&hook, &[v])?;
                }
                I::ImportName(i) => {
                    let fromlist = f.pop();
                    let level = f.pop();
                    let name = code.names[i as usize].clone();
                    let m = self.import_name_op(
                        &name,
                        &f.core.globals.clone(),
                        &fromlist,
                        &level,
                        &f.core.builtins.clone(),
                    )?;
                    f.push(m);
                }
                I::ImportFrom(i) => {
                    let m = f.top();
                    let name = code.names[i as usize].clone();
                    let v = self.import_from(&m, &name)?;
                    f.push(v);
                }
                I::ImportStar => {
                    let m = f.pop();
                    let loc = f
                        .core
                        .locals
                        .clone()
                        .unwrap_or(Value::Obj(f.core.globals.clone()));
                    self.import_star(&m, &loc)?;
                }
                I::Raise(n) => {
                    return Err(match n {
                        0 => match self.handled.clone() {
                            Some(e) => {
                                // Re-raise keeps the traceback: record the
                                // frame again as CPython does for bare raise.
                                PyErr(e)
                            }
                            None => self.runtime_error("No active exception to reraise"),
                        },
                        1 => {
                            let e = f.pop();
                            self.make_raisable(&e, None)?
                        }
                        _ => {
                            let cause = f.pop();
                            let e = f.pop();
                            self.make_raisable(&e, Some(cause))?
                        }
                    });
                }
                I::Reraise => {
                    let e = f.pop();
                    return Err(self.reraise_value(e));
                }
                I::SetupFinally(h) => {
                    let depth = f.stack.len() as u32;
                    f.blocks.push(Block::Finally { handler: h, depth });
                }
                I::PopBlock => {
                    f.blocks.pop();
                }
                I::PopExcept => {
                    if let Some(Block::ExceptHandler { saved }) = f.blocks.pop() {
                        self.handled = saved;
                    }
                }
                I::JumpIfNotExcMatch(t) => {
                    let ty = f.pop();
                    let e = f.pop();
                    if !self.exc_matches(&e, &ty)? {
                        f.ip = t as usize;
                    }
                }
                I::SetupWith(h) => {
                    let mgr = f.pop();
                    let (exit, enter_res) = self.setup_with(&mgr)?;
                    f.push(exit);
                    let depth = f.stack.len() as u32;
                    f.blocks.push(Block::Finally { handler: h, depth });
                    f.push(enter_res);
                }
                I::WithExceptStart => {
                    let e = f.peek(0);
                    let exit = f.peek(1);
                    let ty = Value::Obj(self.class_of(&e));
                    let tb = match exc_data(&e) {
                        Some(_) => {
                            let k = self.names.__traceback__.clone();
                            self.get_attr(&e, &k)?
                        }
                        None => Value::None,
                    };
                    let r = self.call(&exit, &[ty, e, tb])?;
                    f.push(r);
                }
                I::CheckEgMatch => self.check_eg_match(f)?,
                I::PrepReraiseStar => self.prep_reraise_star(f)?,
                I::RotN(n) => {
                    let v = f.pop();
                    let len = f.stack.len();
                    f.stack
                        .insert(len.saturating_sub((n as usize).saturating_sub(1)), v);
                }
                I::GetLen => {
                    let subject = f.top();
                    let n = self.match_len(&subject)?;
                    f.push(n);
                }
                I::MatchMapping => {
                    let r = self.match_is_mapping(&f.top());
                    f.push(Value::Bool(r));
                }
                I::MatchSequence => {
                    let r = self.match_is_sequence(&f.top());
                    f.push(Value::Bool(r));
                }
                I::MatchKeys => {
                    let keys = f.top();
                    let subject = f.peek(1);
                    let values = self.match_keys(&subject, &keys)?;
                    f.push(values);
                }
                I::MatchClass(n) => {
                    let names = f.pop();
                    let cls = f.pop();
                    let subject = f.pop();
                    let r = self.match_class(&subject, &cls, n as usize, &names)?;
                    f.push(r);
                }
                I::CopyDictWithoutKeys => {
                    let keys = f.pop();
                    let subject = f.pop();
                    let rest = self.copy_dict_without_keys(&subject, &keys)?;
                    f.push(rest);
                }
                I::YieldValue => {
                    let v = f.pop();
                    return Ok(Transfer::Yield(v));
                }
                I::GetYieldFromIter => {
                    let v = f.pop();
                    let it = match v.payload() {
                        Some(Payload::Generator(_)) => v,
                        _ => self.get_iter(&v)?,
                    };
                    f.push(it);
                }
                I::Send(t) => {
                    let value = f.pop();
                    let receiver = f.top();
                    match self.send_to(&receiver, value)? {
                        crate::objects::generator::GenResult::Yielded(y) => f.push(y),
                        crate::objects::generator::GenResult::Returned(r) => {
                            f.pop();
                            f.push(r);
                            f.ip = t as usize;
                        }
                    }
                }
                I::GetAwaitable(from) => {
                    let v = f.pop();
                    let it = self.get_awaitable(v, from)?;
                    f.push(it);
                }
                I::GetAiter => {
                    let v = f.pop();
                    let it = self.get_aiter(&v)?;
                    f.push(it);
                }
                I::GetAnext => {
                    let aiter = f.top();
                    let aw = self.get_anext(&aiter)?;
                    f.push(aw);
                }
                I::EndAsyncFor => {
                    let e = f.pop();
                    if !self.is_stop_async_iteration(&e) {
                        return Err(self.reraise_value(e));
                    }
                    f.pop();
                    if let Some(Block::ExceptHandler { saved }) = f.blocks.pop() {
                        self.handled = saved;
                    }
                }
                I::BeforeAsyncWith => {
                    let mgr = f.pop();
                    let (exit, enter_res) = self.before_async_with(&mgr)?;
                    f.push(exit);
                    f.push(enter_res);
                }
                I::SetupAsyncWith(h) => {
                    let depth = f.stack.len().saturating_sub(1) as u32;
                    f.blocks.push(Block::Finally { handler: h, depth });
                }
                I::AsyncGenWrap => {
                    let v = f.pop();
                    let w = self.async_gen_wrap(v);
                    f.push(w);
                }
            }
        }
    }

    /// Calls the callable at `f.stack[base]` with the values above it
    /// (skipping `skip` slots after the callable for LoadMethod's self
    /// placement: with skip 1 the self is at base+1 and is passed first).
    #[inline]
    fn call_from_stack(
        &mut self,
        f: &mut Frame,
        base: usize,
        skip: usize,
    ) -> PyResult<Option<Transfer>> {
        let _ = skip;
        let callable = f.stack[base].clone();
        // Bound method: put self in the callable's slot.
        let (callable, start) = match &callable {
            Value::Obj(o) => match &o.payload {
                Payload::BoundMethod { func, this } if skip == 0 => {
                    f.stack[base] = this.clone();
                    (func.clone(), base)
                }
                _ => (callable, base + 1),
            },
            _ => (callable, base + 1),
        };
        let r = {
            let args = Args::new(&f.stack[start..]);
            self.call_value(f, &callable, args)?
        };
        f.stack.truncate(base);
        match r {
            CallOutcome::Value(v) => {
                f.push(v);
                Ok(None)
            }
            CallOutcome::Frame(fr) => Ok(Some(Transfer::Call(fr))),
        }
    }

    /// Calls `callable` from the eval loop: Python functions become a new
    /// frame (no Rust recursion), everything else is called directly.
    #[inline]
    fn call_value(&mut self, f: &Frame, callable: &Value, args: Args) -> PyResult<CallOutcome> {
        if let Value::Obj(o) = callable {
            match &o.payload {
                Payload::Function(fd) => {
                    let frame = self.make_frame(o, fd, args)?;
                    if fd.code.borrow().co.flags.is_resumable() {
                        return Ok(CallOutcome::Value(
                            crate::objects::generator::new_generator(self, fd, frame),
                        ));
                    }
                    return Ok(CallOutcome::Frame(frame));
                }
                Payload::BuiltinFunction(nf) => {
                    if nf.needs_frame {
                        self.caller = if nf.wants_frame_object {
                            self.getframe_caller(f)
                        } else {
                            self.caller_info(f)
                        };
                    }
                    if nf.kind == NativeKind::Method {
                        self.check_descriptor_self(nf, args)?;
                    }
                    if nf.kind == NativeKind::Bound || nf.kind == NativeKind::ClassMethod {
                        return self.call_with(callable, args).map(CallOutcome::Value);
                    }
                    return nf.invoke(self, args).map(CallOutcome::Value);
                }
                Payload::Type(_) => {
                    if Rc::ptr_eq(o, &self.types.super_) && args.values.is_empty() {
                        let sup = self.zero_arg_super(f)?;
                        return Ok(CallOutcome::Value(sup));
                    }
                    if let Some(fr) = self.try_inline_init(o, args)? {
                        return Ok(fr);
                    }
                }
                _ => {}
            }
        }
        self.call_with(callable, args).map(CallOutcome::Value)
    }

    /// For `C(...)` where `C` is a plain class with object.__new__ and a
    /// Python `__init__`: allocate the instance here and run `__init__` as
    /// a frame of this loop.
    fn try_inline_init(&mut self, cls: &PyRef, args: Args) -> PyResult<Option<CallOutcome>> {
        let Some(td) = cls.as_type() else {
            return Ok(None);
        };
        if !td.heap || td.layout != crate::objects::type_::Layout::Object || td.abstract_.get() {
            return Ok(None);
        }
        if !Rc::ptr_eq(&self.obj_class(cls), &self.types.type_) {
            return Ok(None);
        }
        let nk = self.names.__new__.clone();
        let new = self.lookup_cached(cls, &nk);
        let is_obj_new = match &new {
            Some(Value::Obj(n)) => match &n.payload {
                Payload::BuiltinFunction(nf) => nf
                    .owner
                    .as_ref()
                    .map(|o| Rc::ptr_eq(o, &self.types.object))
                    .unwrap_or(false),
                _ => false,
            },
            _ => false,
        };
        if !is_obj_new {
            return Ok(None);
        }
        let ik = self.names.__init__.clone();
        let Some(Value::Obj(init)) = self.lookup_cached(cls, &ik) else {
            return Ok(None);
        };
        let Payload::Function(fd) = &init.payload else {
            return Ok(None);
        };
        if fd.code.borrow().co.flags.is_resumable() {
            return Ok(None);
        }
        let payload = self.instance_payload(cls);
        let inst = Value::Obj(self.alloc_instance(cls, payload));
        let mut all = Vec::with_capacity(args.values.len() + 1);
        all.push(inst.clone());
        all.extend_from_slice(args.values);
        let mut frame = self.make_frame(&init, fd, Args::with_kw(&all, args.kwnames))?;
        frame.init_of = Some(inst);
        Ok(Some(CallOutcome::Frame(frame)))
    }

    /// What `locals()`/`super()`/`eval()` see of frame `f`.
    fn caller_info(&mut self, f: &Frame) -> crate::vm::CallerInfo {
        let locals = match &f.core.locals {
            Some(l) => Some(l.clone()),
            None => {
                if matches!(f.core.code.co.kind, CodeKind::Module) {
                    Some(Value::Obj(f.core.globals.clone()))
                } else {
                    Some(self.fast_locals_dict(f))
                }
            }
        };
        crate::vm::CallerInfo {
            globals: Some(f.core.globals.clone()),
            locals,
            frame: None,
        }
    }

    /// What `sys._getframe` sees: the frame object of `f`.
    #[cold]
    #[inline(never)]
    fn getframe_caller(&mut self, f: &Frame) -> crate::vm::CallerInfo {
        crate::vm::CallerInfo {
            frame: Some(self.running_frame_object(f)),
            ..Default::default()
        }
    }

    /// A dict snapshot of a function frame's locals (fast and cells).
    fn fast_locals_dict(&mut self, f: &Frame) -> Value {
        let d = self.new_dict_ref();
        for (i, name) in f.core.code.varnames.iter().enumerate() {
            if let Some(v) = f.core.get_fast(i) {
                let _ = self.dict_set(&d, Value::Obj(name.clone()), v);
            }
        }
        let names: Vec<PyRef> = f
            .core
            .code
            .cellvars
            .iter()
            .chain(f.core.code.freevars.iter())
            .cloned()
            .collect();
        for (i, name) in names.iter().enumerate() {
            if let Some(Payload::Cell(c)) = f.core.cells.get(i).map(|c| &c.payload) {
                if let Some(v) = c.borrow().clone() {
                    let _ = self.dict_set(&d, Value::Obj(name.clone()), v);
                }
            }
        }
        Value::Obj(d)
    }

    /// `super()` with no arguments: the `__class__` cell and the first
    /// argument of the calling function.
    fn zero_arg_super(&mut self, f: &Frame) -> PyResult<Value> {
        let code = &f.core.code;
        if code.co.arg_count == 0 && !code.co.flags.varargs {
            return Err(self.runtime_error("super(): no arguments"));
        }
        // The first argument may live in a cell.
        let first = match code.co.cell2arg.iter().position(|a| *a == Some(0)) {
            Some(ci) => match f.core.cells.get(ci).map(|c| &c.payload) {
                Some(Payload::Cell(c)) => c.borrow().clone(),
                _ => None,
            },
            None => f.core.get_fast(0),
        };
        let first = match first {
            Some(v) => v,
            None => {
                if code.co.flags.varargs {
                    // def f(*args): super() uses args[0]
                    let idx = (code.co.arg_count + code.co.kwonly_arg_count) as usize;
                    match f
                        .core
                        .get_fast(idx)
                        .and_then(|t| t.as_tuple().and_then(|x| x.first().cloned()))
                    {
                        Some(v) => v,
                        None => return Err(self.runtime_error("super(): no arguments")),
                    }
                } else {
                    return Err(self.runtime_error("super(): arg[0] deleted"));
                }
            }
        };
        let ncell = code.cellvars.len();
        let pos = code
            .freevars
            .iter()
            .position(|n| n.as_str() == Some("__class__"));
        let cls = match pos.and_then(|p| f.core.cells.get(ncell + p)) {
            Some(c) => match &c.payload {
                Payload::Cell(cc) => cc.borrow().clone(),
                _ => None,
            },
            None => return Err(self.runtime_error("super(): __class__ cell not found")),
        };
        match cls {
            Some(Value::Obj(c)) if c.as_type().is_some() => self.new_super(&c, first),
            Some(_) => Err(self.runtime_error("super(): __class__ is not a type")),
            None => Err(self.runtime_error("super(): empty __class__ cell")),
        }
    }

    fn unbound_local(&mut self, code: &crate::objects::code::Code, i: u32) -> PyErr {
        let name = code
            .varnames
            .get(i as usize)
            .and_then(|n| n.as_str())
            .unwrap_or("?")
            .to_owned();
        let c = self.exc.unbound_local_error.clone();
        self.new_error(
            &c,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn deref_name(&self, code: &crate::objects::code::Code, i: u32) -> PyRef {
        let i = i as usize;
        let nc = code.cellvars.len();
        if i < nc {
            code.cellvars[i].clone()
        } else {
            code.freevars
                .get(i - nc)
                .cloned()
                .unwrap_or_else(|| self.names.__name__.clone())
        }
    }

    fn cell_get(&mut self, f: &Frame, i: u32) -> PyResult<Value> {
        if let Some(Payload::Cell(c)) = f.core.cells.get(i as usize).map(|c| &c.payload) {
            if let Some(v) = c.borrow().as_ref() {
                return Ok(v.clone());
            }
        }
        let code = f.core.code.clone();
        let name = self.deref_name(&code, i);
        let n = name.as_str().unwrap_or("?").to_owned();
        if (i as usize) < code.cellvars.len() {
            let c = self.exc.unbound_local_error.clone();
            Err(self.new_error(
                &c,
                format!(
                    "cannot access local variable '{n}' where it is not associated with a value"
                ),
            ))
        } else {
            Err(self.name_error(format!(
                "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
            )))
        }
    }

    /// NameError "name 'x' is not defined" with `.name` set.
    pub(crate) fn name_not_defined(&mut self, name: &PyRef) -> PyErr {
        let n = name.as_str().unwrap_or("?");
        let e = self.name_error(format!("name '{n}' is not defined"));
        let k = self.names.name.clone();
        let _ = self.generic_set_dict_attr(&Value::Obj(e.0.clone()), &k, Value::Obj(name.clone()));
        e
    }

    /// Lookup in a locals mapping (dict fast path, else `__getitem__`
    /// with KeyError meaning absent).
    /// LoadGlobal's lookup when the cache had no valid entry: globals, then
    /// builtins (refilling the entry), or NameError.
    #[inline(never)]
    fn load_global_slow(&mut self, code: &Code, i: usize, f: &Frame) -> PyResult<Value> {
        let Some(name) = code.names.get(i) else {
            return Err(self.system_error("bad name index"));
        };
        if let Some(v) = code
            .global_cache
            .fill(i, name, &f.core.globals, &f.core.builtins)
        {
            return Ok(v);
        }
        match crate::objects::dict::get_str(&f.core.globals, name) {
            Some(v) => Ok(v),
            None => match crate::objects::dict::get_str(&f.core.builtins, name) {
                Some(v) => Ok(v),
                None => Err(self.name_not_defined(name)),
            },
        }
    }

    /// Whether the frame's locals mapping is its globals dict, an exact
    /// dict (a module body): then LoadName/StoreName are global accesses
    /// and may use the global-name cache.
    #[inline]
    fn locals_are_globals(&self, f: &Frame) -> bool {
        match &f.core.locals {
            Some(Value::Obj(d)) => Rc::ptr_eq(d, &f.core.globals) && d.class_is(&self.types.dict),
            _ => false,
        }
    }

    fn mapping_lookup(&mut self, m: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        if let Value::Obj(d) = m {
            if let Payload::Dict(_) = &d.payload {
                if d.class_is(&self.types.dict) {
                    return Ok(crate::objects::dict::get_str(d, name));
                }
            }
        }
        match self.get_item(m, &Value::Obj(name.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.exc.key_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// LoadMethod: the function to call with `obj` as first argument, if
    /// the attribute is a plain method found on the type.
    fn load_method(&mut self, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
        let cls = self.class_of(obj);
        let Some(td) = cls.as_type() else {
            return Ok(None);
        };
        if let Value::Obj(o) = obj {
            if matches!(
                o.payload,
                Payload::Type(_) | Payload::Module(_) | Payload::Super { .. }
            ) {
                return Ok(None);
            }
            // Generic aliases answer most attributes from their origin.
            if matches!(o.payload, Payload::NativeData(_))
                && crate::objects::generic_alias::is_alias_class(self, &cls)
            {
                return Ok(None);
            }
        }
        if td.heap {
            let k = self.names.__getattribute__.clone();
            if let Some(ga) = self.lookup_cached(&cls, &k) {
                if !matches!(ga.payload(), Some(Payload::BuiltinFunction(_))) {
                    return Ok(None);
                }
            }
        }
        let Some(descr) = self.lookup_cached(&cls, name) else {
            return Ok(None);
        };
        let is_method = match descr.payload() {
            Some(Payload::Function(_)) => true,
            Some(Payload::BuiltinFunction(nf)) => nf.kind == NativeKind::Method,
            _ => false,
        };
        if !is_method {
            return Ok(None);
        }
        if let Value::Obj(o) = obj {
            if let Some(d) = o.dict() {
                if crate::objects::dict::get_str(d, name).is_some() {
                    return Ok(None);
                }
            }
        }
        Ok(Some(descr))
    }

    fn make_function(
        &mut self,
        f: &Frame,
        code_v: &Value,
        defaults: Value,
        kwdefaults: Value,
        annotations: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let Some(Payload::Code(code)) = code_v.payload() else {
            return Err(self.system_error("MakeFunction without a code object"));
        };
        let code = code.clone();
        let doc = match code.co.kind {
            CodeKind::Function | CodeKind::Lambda => match code.consts.first() {
                Some(v @ Value::Obj(_)) if v.as_str().is_some() => v.clone(),
                _ => Value::None,
            },
            _ => Value::None,
        };
        let cells: Vec<PyRef> = closure
            .as_tuple()
            .map(|t| t.iter().filter_map(|c| c.as_obj().cloned()).collect())
            .unwrap_or_default();
        let nk = self.names.__name__.clone();
        let module = crate::objects::dict::get_str(&f.core.globals, &nk).unwrap_or(Value::None);
        let fd = FunctionData {
            name: std::cell::RefCell::new(Value::Obj(code.name.clone())),
            qualname: std::cell::RefCell::new(Value::Obj(code.qualname.clone())),
            code: std::cell::RefCell::new(code),
            globals: f.core.globals.clone(),
            builtins: f.core.builtins.clone(),
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure: std::cell::RefCell::new(cells),
            doc: std::cell::RefCell::new(doc),
            module: std::cell::RefCell::new(module),
            annotations: std::cell::RefCell::new(annotations),
        };
        Ok(Value::Obj(self.alloc_with_dict(
            self.types.function.clone(),
            Payload::Function(Box::new(fd)),
        )))
    }

    /// `f(**m)` merging with CPython's errors.
    fn dict_merge(&mut self, d: &Value, src: &Value, func: &Value) -> PyResult<()> {
        let Value::Obj(dd) = d else { return Ok(()) };
        let keys_name = self.names.keys.clone();
        if !matches!(src.payload(), Some(Payload::Dict(_)))
            && self.lookup_special(src, &keys_name).is_none()
        {
            let fd = self.func_desc(func);
            return Err(self.type_error(format!(
                "{fd} argument after ** must be a mapping, not {}",
                self.type_name(src)
            )));
        }
        let pairs: Vec<(Value, Value)> = match src {
            Value::Obj(so)
                if matches!(so.payload, Payload::Dict(_))
                    && !crate::objects::dict::iter_overridden(self, src) =>
            {
                crate::objects::dict::entries(so)
            }
            _ => {
                let ks = self.call_method(src, "keys", &[])?;
                let mut out = Vec::new();
                for k in self.iterate(&ks)? {
                    let v = self.get_item(src, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in pairs {
            if k.as_str().is_none() {
                let fd = self.func_desc(func);
                let _ = fd;
                return Err(self.type_error("keywords must be strings"));
            }
            if self.dict_get(dd, &k)?.is_some() {
                let fd = self.func_desc(func);
                return Err(self.type_error(format!(
                    "{fd} got multiple values for keyword argument '{}'",
                    k.as_str().unwrap_or("")
                )));
            }
            self.dict_set(dd, k, v)?;
        }
        Ok(())
    }

    /// "f()" / "A.m()" / "print()" naming a callable in messages.
    pub(crate) fn func_desc(&mut self, f: &Value) -> String {
        match f.payload() {
            Some(Payload::Function(fd)) => {
                let q = fd.qualname.borrow().as_str().unwrap_or("?").to_owned();
                match fd.module.borrow().as_str() {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Some(Payload::BuiltinFunction(nf)) => format!("{}()", nf.name),
            Some(Payload::BoundMethod { func, .. }) => {
                let func = func.clone();
                self.func_desc(&func)
            }
            Some(Payload::Type(t)) => format!("{}()", t.message_name()),
            _ => format!("{} object", self.type_name(f)),
        }
    }

    fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        // Exact tuples and lists only: a subclass may override __iter__.
        let exact = match seq {
            Value::Obj(o) => o
                .class_ref()
                .as_ref()
                .and_then(|c| c.as_type().map(|t| !t.heap))
                .unwrap_or(false),
            _ => false,
        };
        if exact {
            if let Some(t) = seq.as_tuple() {
                if t.len() == n {
                    return Ok(t.to_vec());
                }
            }
            if let Some(Payload::List(l)) = seq.payload() {
                let l = l.borrow();
                if l.len() == n {
                    return Ok(l.clone());
                }
            }
        }
        let it = match self.get_iter(seq) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, &self.exc.type_error.clone()) => {
                return Err(self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                )))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        out.len()
                    )))
                }
            }
        }
        if self.next(&it)?.is_some() {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(out)
    }

    fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = match self.iterate(seq) {
            Ok(v) => v,
            Err(e)
                if self.err_matches(&e, &self.exc.type_error.clone())
                    && self.get_iter(seq).is_err() =>
            {
                return Err(self.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(seq)
                )))
            }
            Err(e) => return Err(e),
        };
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        let mid = items[before..items.len() - after].to_vec();
        out.push(self.new_list(mid));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    /// The exception to raise for `raise e [from cause]`.
    fn make_raisable(&mut self, e: &Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = match e {
            Value::Obj(o) if o.as_type().is_some() => {
                if !is_subtype(o, &self.exc.base_exception) {
                    return Err(self.type_error("exceptions must derive from BaseException"));
                }
                let inst = self.call(e, &[])?;
                if exc_data(&inst).is_none() {
                    let r = self.repr(e)?;
                    return Err(self.type_error(format!(
                        "calling {r} should have returned an instance of BaseException, not {}",
                        self.type_name(&inst)
                    )));
                }
                inst
            }
            Value::Obj(_) if exc_data(e).is_some() => e.clone(),
            _ => return Err(self.type_error("exceptions must derive from BaseException")),
        };
        if let Some(c) = cause {
            let cause_v = match &c {
                Value::None => Value::None,
                Value::Obj(o)
                    if o.as_type().is_some() && is_subtype(o, &self.exc.base_exception) =>
                {
                    self.call(&c, &[])?
                }
                Value::Obj(_) if exc_data(&c).is_some() => c.clone(),
                _ => return Err(self.type_error("exception causes must derive from BaseException")),
            };
            if let Some(d) = exc_data(&exc) {
                *d.cause.borrow_mut() = cause_v;
                d.suppress_context.set(true);
            }
        }
        match exc {
            Value::Obj(o) => Ok(PyErr(o)),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    /// `except T:` matching.
    pub(crate) fn exc_matches(&mut self, e: &Value, ty: &Value) -> PyResult<bool> {
        let check = |vm: &mut Vm, t: &Value| -> PyResult<bool> {
            match t {
                Value::Obj(o) if o.as_type().is_some() && is_subtype(o, &vm.exc.base_exception) => {
                    Ok(vm.is_instance(e, o))
                }
                _ => Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            }
        };
        if let Some(items) = ty.as_tuple() {
            let items = items.to_vec();
            for t in &items {
                if check(self, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        check(self, ty)
    }

    fn setup_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ek = self.names.__enter__.clone();
        let xk = self.names.__exit__.clone();
        let Some(enter) = self.lookup_special(mgr, &ek) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_special(mgr, &xk) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(mgr)
            )));
        };
        let cls = self.class_of(mgr);
        let exit_bound = self.descr_get(&exit, mgr, &cls)?;
        let r = self.call(&enter, std::slice::from_ref(mgr))?;
        Ok((exit_bound, r))
    }

    /// One step of a built-in iterator for ForIter (list and range fast).
    #[inline]
    fn iter_fast_step(
        &mut self,
        st: &std::cell::RefCell<crate::objects::iter::IterState>,
    ) -> PyResult<Option<Value>> {
        use crate::objects::iter::IterState;
        {
            let mut s = st.borrow_mut();
            match &mut *s {
                IterState::Range {
                    cur,
                    step,
                    remaining,
                } => {
                    if *remaining == 0 {
                        return Ok(None);
                    }
                    let v = *cur;
                    *remaining -= 1;
                    *cur = cur.wrapping_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                IterState::Seq {
                    seq: Value::Obj(o),
                    index,
                } => {
                    if let Payload::List(l) = &o.payload {
                        if let Some(v) = l.borrow().get(*index) {
                            *index += 1;
                            return Ok(Some(v.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
        let it_val = None::<Value>;
        let _ = it_val;
        self.iter_step(st)
    }
}

/// The result of starting a call from the eval loop.
pub(crate) enum CallOutcome {
    Value(Value),
    Frame(Box<Frame>),
}

/// Int operations that cannot fail or overflow in i64 (the eval loop's
/// fast path; everything else goes through `Vm::binary_op`).
#[inline(always)]
fn small_int_op(op: rpy_compiler::bytecode::BinaryOperator, x: i64, y: i64) -> Option<i64> {
    use rpy_compiler::bytecode::BinaryOperator as B;
    match op {
        B::Add => x.checked_add(y),
        B::Subtract => x.checked_sub(y),
        B::Multiply => x.checked_mul(y),
        B::Modulo if y > 0 && x >= 0 => Some(x % y),
        B::FloorDivide if y > 0 && x >= 0 => Some(x / y),
        B::And => Some(x & y),
        B::Or => Some(x | y),
        B::Xor => Some(x ^ y),
        _ => None,
    }
}

/// Float operations with no error cases.
#[inline(always)]
fn small_float_op(op: rpy_compiler::bytecode::BinaryOperator, x: f64, y: f64) -> Option<f64> {
    use rpy_compiler::bytecode::BinaryOperator as B;
    match op {
        B::Add => Some(x + y),
        B::Subtract => Some(x - y),
        B::Multiply => Some(x * y),
        B::TrueDivide if y != 0.0 => Some(x / y),
        _ => None,
    }
}
