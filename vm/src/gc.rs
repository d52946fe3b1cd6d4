//! The cycle collector. Reference counting frees most objects; containers
//! are also registered here (weakly) so that unreachable cycles can be
//! found: for every tracked object, its strong count minus the references
//! held by other tracked objects is the number of references from outside
//! (Rust locals, frames, untracked holders). Objects with outside
//! references are roots; tracked objects not reachable from a root are
//! garbage and get cleared, which breaks their cycles so `Rc` frees them.

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::object::{Payload, PyObject};
use crate::objects::iter::IterState;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

/// Collector state.
pub struct Gc {
    pub(crate) tracked: Vec<Weak<PyObject>>,
    /// Container allocations since the last collection.
    pub allocs: usize,
    /// Collect when `allocs` exceeds this.
    pub threshold: usize,
    pub enabled: bool,
    collecting: bool,
    /// Objects freed by collections so far.
    pub collected_total: usize,
}

impl Default for Gc {
    fn default() -> Self {
        Gc {
            tracked: Vec::new(),
            allocs: 0,
            threshold: 20_000,
            enabled: true,
            collecting: false,
            collected_total: 0,
        }
    }
}

/// Calls `visit` on every object `o` references.
pub fn traverse(o: &PyObject, visit: &mut dyn FnMut(&PyRef)) -> bool {
    let mut v = |x: &Value| {
        if let Value::Obj(r) = x {
            visit(r);
        }
    };
    if let Ok(c) = o.class_ref_try() {
        if let Some(c) = &*c {
            visit_ref(c, &mut v);
        }
    }
    if let Some(d) = o.dict_raw() {
        visit_ref(d, &mut v);
    }
    macro_rules! b {
        ($cell:expr) => {
            match $cell.try_borrow() {
                Ok(x) => x,
                Err(_) => return false,
            }
        };
    }
    match &o.payload {
        Payload::List(l) => b!(l).iter().for_each(&mut v),
        Payload::Slots(l) => b!(l).iter().flatten().for_each(&mut v),
        Payload::Tuple(t) => t.iter().for_each(&mut v),
        Payload::Dict(d) => {
            for (k, val) in b!(d).entries() {
                v(&k.value);
                v(val);
            }
        }
        Payload::Set(s) | Payload::FrozenSet(s) => b!(s).keys().for_each(&mut v),
        Payload::Function(f) => {
            visit_ref(&f.globals, &mut v);
            visit_ref(&f.builtins, &mut v);
            v(&*b!(f.name));
            v(&*b!(f.qualname));
            v(&*b!(f.defaults));
            v(&*b!(f.kwdefaults));
            v(&*b!(f.doc));
            v(&*b!(f.module));
            v(&*b!(f.annotations));
            for c in b!(f.closure).iter() {
                visit_ref(c, &mut v);
            }
        }
        Payload::BuiltinFunction(nf) => {
            if let Some(b) = &nf.bound {
                v(b);
            }
            if let Some(t) = &nf.owner {
                visit_ref(t, &mut v);
            }
        }
        Payload::BoundMethod { func, this } => {
            v(func);
            v(this);
        }
        Payload::Type(t) => {
            for c in b!(t.bases).iter() {
                visit_ref(c, &mut v);
            }
            for c in b!(t.mro).iter() {
                visit_ref(c, &mut v);
            }
            if let Some(c) = &*b!(t.base) {
                visit_ref(c, &mut v);
            }
            crate::objects::type_lazy::visit_values(t, &mut v);
        }
        Payload::Cell(c) => {
            if let Some(x) = &*b!(c) {
                v(x);
            }
        }
        Payload::Generator(g) => {
            let fr = b!(g.frame);
            if let Some(f) = &*fr {
                f.stack.iter().for_each(&mut v);
                visit_core(&f.core, &mut v);
                for blk in &f.blocks {
                    if let crate::eval::frame::Block::ExceptHandler { saved: Some(s) } = blk {
                        visit_ref(s, &mut v);
                    }
                }
            }
            v(&*b!(g.name));
            v(&*b!(g.qualname));
            v(&*b!(g.ag_finalizer));
            if let Some(e) = &*b!(g.exc_state) {
                visit_ref(e, &mut v);
            }
        }
        Payload::Exception(e) => {
            for t in b!(e.traceback).iter() {
                if let Some(g) = &t.globals {
                    visit_ref(g, &mut v);
                }
                if let Some(f) = &t.frame {
                    visit_ref(f, &mut v);
                }
            }
            v(&*b!(e.args));
            v(&*b!(e.cause));
            v(&*b!(e.context));
            if let Some(t) = &*b!(e.tb_override) {
                v(t);
            }
            if let Some(g) = &*b!(e.group) {
                v(&g.message);
                v(&g.exceptions);
            }
        }
        Payload::Slice { start, stop, step } => {
            v(start);
            v(stop);
            v(step);
        }
        Payload::Iter(st) => match &*b!(st) {
            IterState::Seq { seq, .. } => v(seq),
            IterState::Str { s, .. } => v(s),
            IterState::Reverse { seq, .. } => v(seq),
            IterState::Dict { dict, .. } => visit_ref(dict, &mut v),
            IterState::Set { set, .. } => v(set),
            IterState::GetItem { obj, .. } => v(obj),
            IterState::Callable { func, sentinel } => {
                v(func);
                v(sentinel);
            }
            IterState::Enumerate { it, count } => {
                v(it);
                v(count);
            }
            IterState::Zip { iters, .. } => iters.iter().for_each(&mut v),
            IterState::Map { func, iters } => {
                v(func);
                iters.iter().for_each(&mut v);
            }
            IterState::Filter { func, it } => {
                v(func);
                v(it);
            }
            IterState::Range { .. } | IterState::Exhausted => {}
        },
        Payload::Property(p) => {
            v(&*b!(p.fget));
            v(&*b!(p.fset));
            v(&*b!(p.fdel));
            v(&*b!(p.doc));
            v(&*b!(p.name));
        }
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => v(&*b!(f)),
        Payload::Super {
            class,
            this,
            this_type,
        } => {
            visit_ref(class, &mut v);
            v(this);
            visit_ref(this_type, &mut v);
        }
        Payload::GetSet(g) => visit_ref(&g.owner, &mut v),
        Payload::Member(m) => {
            visit_ref(&m.owner, &mut v);
            visit_ref(&m.name, &mut v);
        }
        Payload::DictView { dict, .. } | Payload::MappingProxy(dict) => visit_ref(dict, &mut v),
        Payload::Traceback(t) => {
            if let Some(n) = t.next.try_borrow().ok().as_deref().and_then(Option::as_ref) {
                visit_ref(n, &mut v);
            }
            if let Some(g) = &t.globals {
                visit_ref(g, &mut v);
            }
            if let Some(f) = &t.frame {
                visit_ref(f, &mut v);
            }
        }
        Payload::Frame(d) => {
            visit_core(&d.core, &mut v);
            let s = b!(d.state);
            if let Some(l) = &s.locals_dict {
                visit_ref(l, &mut v);
            }
            v(&s.trace);
        }
        Payload::Module(_)
        | Payload::Instance
        | Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::ByteArray(_)
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(..)
        | Payload::Code(_)
        | Payload::Range { .. }
        | Payload::BigRange(_) => {}
        Payload::WeakRef(w) => {
            if let Some(c) = &*b!(w.callback) {
                v(c);
            }
            b!(w.slots).iter().flatten().for_each(&mut v);
        }
        // Native data is opaque (treated as holding outside references),
        // except the VM's own awaitables, whose references are known.
        Payload::NativeData(_) => match crate::objects::async_generator::native_refs(o) {
            Some(refs) => refs.iter().for_each(&mut v),
            None => return false,
        },
        Payload::Native(n) => return n.traverse(&mut v),
    }
    true
}

/// Visits what a frame core holds, if the visiting object is its only
/// holder. A core shared with a running frame (a root) or with another
/// object is not visited: its values then count as held from outside,
/// which keeps them alive (never collects too much).
fn visit_core(core: &Rc<crate::eval::frame::FrameCore>, v: &mut impl FnMut(&Value)) {
    if Rc::strong_count(core) != 1 {
        return;
    }
    for i in 0..core.fast.len() {
        if let Some(x) = core.get_fast(i) {
            v(&x);
        }
    }
    for c in &core.cells {
        v(&Value::Obj(c.clone()));
    }
    v(&Value::Obj(core.globals.clone()));
    v(&Value::Obj(core.builtins.clone()));
    if let Some(l) = &core.locals {
        v(l);
    }
}

fn visit_ref(r: &PyRef, v: &mut impl FnMut(&Value)) {
    v(&Value::Obj(r.clone()))
}

/// Drops the references `o` holds (breaking cycles). Returns what was
/// taken out so the caller can drop it after all objects are cleared.
pub fn clear(o: &PyObject, out: &mut Vec<Value>) {
    macro_rules! bm {
        ($cell:expr) => {
            match $cell.try_borrow_mut() {
                Ok(x) => x,
                Err(_) => return,
            }
        };
    }
    match &o.payload {
        Payload::List(l) => out.append(&mut *bm!(l)),
        Payload::Slots(l) => out.extend(bm!(l).iter_mut().filter_map(|x| x.take())),
        Payload::Dict(d) => {
            let t = std::mem::take(&mut *bm!(d));
            out.reserve(2 * t.map.len());
            for (k, val) in t.map.into_iter().filter(|(k, _)| !k.dead) {
                out.push(k.value);
                out.push(val);
            }
        }
        Payload::Set(s) | Payload::FrozenSet(s) => {
            out.extend(bm!(s).drain_keys());
        }
        Payload::Function(f) => {
            out.push(std::mem::take(&mut *bm!(f.defaults)));
            out.push(std::mem::take(&mut *bm!(f.kwdefaults)));
            out.push(std::mem::take(&mut *bm!(f.doc)));
            out.push(std::mem::take(&mut *bm!(f.annotations)));
            out.push(std::mem::take(&mut *bm!(f.module)));
            out.extend(
                std::mem::take(&mut *bm!(f.closure))
                    .into_iter()
                    .map(Value::Obj),
            );
        }
        Payload::Type(t) => {
            out.extend(
                std::mem::take(&mut *bm!(t.bases))
                    .into_iter()
                    .map(Value::Obj),
            );
            out.extend(std::mem::take(&mut *bm!(t.mro)).into_iter().map(Value::Obj));
            if let Some(b) = bm!(t.base).take() {
                out.push(Value::Obj(b));
            }
            crate::objects::type_lazy::clear(t, out);
        }
        Payload::Cell(c) => {
            if let Some(x) = bm!(c).take() {
                out.push(x);
            }
        }
        Payload::Generator(g) => {
            if let Some(mut f) = bm!(g.frame).take() {
                out.append(&mut f.stack);
                if let Some(c) = Rc::get_mut(&mut f.core) {
                    out.extend(c.fast.drain(..).filter_map(|s| s.into_inner()));
                    out.extend(c.cells.drain(..).map(Value::Obj));
                    if let Some(l) = c.locals.take() {
                        out.push(l);
                    }
                }
            }
            if let Some(e) = bm!(g.exc_state).take() {
                out.push(Value::Obj(e));
            }
            out.push(std::mem::take(&mut *bm!(g.ag_finalizer)));
        }
        Payload::Exception(e) => {
            out.push(std::mem::take(&mut *bm!(e.args)));
            out.push(std::mem::take(&mut *bm!(e.cause)));
            out.push(std::mem::take(&mut *bm!(e.context)));
            if let Some(t) = bm!(e.tb_override).take() {
                out.push(t);
            }
            if let Some(g) = bm!(e.group).take() {
                out.push(g.message);
                out.push(g.exceptions);
            }
            bm!(e.traceback).clear();
        }
        Payload::Frame(d) => {
            let mut s = bm!(d.state);
            if Rc::strong_count(&d.core) == 1 {
                d.core.drain_into(out);
                drop(d.core.back.take());
            }
            if let Some(l) = s.locals_dict.take() {
                out.push(Value::Obj(l));
            }
            out.push(std::mem::take(&mut s.trace));
        }
        Payload::Iter(st) => {
            let old = std::mem::replace(&mut *bm!(st), IterState::Exhausted);
            drop(old);
        }
        Payload::Property(p) => {
            out.push(std::mem::take(&mut *bm!(p.fget)));
            out.push(std::mem::take(&mut *bm!(p.fset)));
            out.push(std::mem::take(&mut *bm!(p.fdel)));
            out.push(std::mem::take(&mut *bm!(p.doc)));
        }
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => {
            out.push(std::mem::take(&mut *bm!(f)))
        }
        Payload::Native(n) => n.clear(out),
        Payload::WeakRef(w) => {
            out.extend(bm!(w.callback).take());
            out.extend(bm!(w.slots).iter_mut().filter_map(|x| x.take()));
        }
        _ => {}
    }
}

impl PyObject {
    /// The class cell, if not mutably borrowed.
    pub(crate) fn class_ref_try(
        &self,
    ) -> Result<std::cell::Ref<'_, Option<PyRef>>, std::cell::BorrowError> {
        self.class_cell().try_borrow()
    }
}

impl Vm {
    /// Registers a container with the collector.
    #[inline]
    pub fn gc_track(&mut self, o: &PyRef) {
        self.gc.tracked.push(Rc::downgrade(o));
        self.gc.allocs += 1;
    }

    /// Runs a collection if enough containers were allocated (called at
    /// safe points of the eval loop).
    #[inline]
    pub fn gc_maybe_collect(&mut self) {
        if self.gc.allocs > self.gc.threshold && self.gc.enabled && !self.gc.collecting {
            self.collect_garbage();
        }
    }

    /// Number of live tracked objects.
    pub fn gc_live_count(&mut self) -> usize {
        self.gc.tracked.retain(|w| w.strong_count() > 0);
        self.gc.tracked.len()
    }

    /// Whether collections run automatically (`gc.isenabled()`).
    pub fn gc_enabled(&self) -> bool {
        self.gc.enabled
    }

    /// Turns automatic collections on or off (`gc.enable()`,
    /// `gc.disable()`); [`collect_garbage`](Self::collect_garbage) still
    /// collects.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.vm().set_gc_enabled(false);
    /// assert!(!interp.vm().gc_enabled());
    /// ```
    pub fn set_gc_enabled(&mut self, on: bool) {
        self.gc.enabled = on;
    }

    /// Container allocations since the last collection (`gc.get_count()`).
    pub fn gc_count(&self) -> usize {
        self.gc.allocs
    }

    /// A full collection; returns the number of objects found unreachable.
    pub fn collect_garbage(&mut self) -> usize {
        if self.gc.collecting {
            return 0;
        }
        self.gc.collecting = true;
        self.method_cache.clear();
        self.gc.tracked.retain(|w| w.strong_count() > 0);
        let objs: Vec<PyRef> = self.gc.tracked.iter().filter_map(|w| w.upgrade()).collect();
        let mut index: HashMap<usize, usize> = HashMap::with_capacity(objs.len());
        for (i, o) in objs.iter().enumerate() {
            index.insert(Rc::as_ptr(o) as *const u8 as usize, i);
        }
        // Outside references: strong count minus ours (the `objs` entry)
        // minus those from other tracked objects.
        let mut refs: Vec<isize> = objs
            .iter()
            .map(|o| Rc::strong_count(o) as isize - 1)
            .collect();
        let mut opaque = vec![false; objs.len()];
        for (i, o) in objs.iter().enumerate() {
            let ok = traverse(o, &mut |c: &PyRef| {
                if let Some(&j) = index.get(&(Rc::as_ptr(c) as *const u8 as usize)) {
                    refs[j] -= 1;
                }
            });
            if !ok {
                opaque[i] = true;
            }
        }
        // The traversal clones each child once (visit_ref) - those clones
        // are gone by now; counts are exact.
        let mut reachable = vec![false; objs.len()];
        let mut stack: Vec<usize> = (0..objs.len())
            .filter(|&i| refs[i] > 0 || opaque[i])
            .collect();
        for &i in &stack {
            reachable[i] = true;
        }
        while let Some(i) = stack.pop() {
            traverse(&objs[i], &mut |c: &PyRef| {
                if let Some(&j) = index.get(&(Rc::as_ptr(c) as *const u8 as usize)) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            });
        }
        let garbage: Vec<usize> = (0..objs.len()).filter(|&i| !reachable[i]).collect();
        // Weak references to garbage are cleared before anything else
        // runs, so no callback or finalizer can reach the garbage through
        // them; the callbacks of weak references that are not garbage
        // themselves are called now (CPython's handle_weakrefs).
        let calls = {
            let refs: Vec<&PyRef> = garbage.iter().map(|&i| &objs[i]).collect();
            let is_garbage = |r: &PyRef| {
                index
                    .get(&(Rc::as_ptr(r) as *const u8 as usize))
                    .is_some_and(|&j| !reachable[j])
            };
            crate::objects::weakref::clear_for_garbage(&refs, &is_garbage)
        };
        for (wr, cb) in calls {
            self.call_weakref_callback(wr, cb);
        }
        // Finalizers see the garbage intact (PEP 442); they may revive
        // some of it, so the collection starts over once they have run
        // (each runs once, so the second pass clears the rest).
        let del = self.names.__del__.clone();
        let to_finalize: Vec<PyRef> = garbage
            .iter()
            .filter(|&&i| crate::objects::finalize::needs_finalizer(&objs[i], &del))
            .map(|&i| objs[i].clone())
            .collect();
        if !to_finalize.is_empty() && !self.finalizing {
            drop(index);
            drop(objs);
            self.gc.collecting = false;
            for o in &to_finalize {
                self.call_finalizer(o);
            }
            drop(to_finalize);
            return self.collect_garbage();
        }
        let n = garbage.len();
        let mut taken = Vec::new();
        for &i in &garbage {
            clear(&objs[i], &mut taken);
        }
        drop(index);
        drop(objs);
        drop(taken);
        self.gc.tracked.retain(|w| w.strong_count() > 0);
        self.gc.allocs = 0;
        self.gc.threshold = (self.gc.tracked.len()).max(20_000);
        self.gc.collecting = false;
        self.gc.collected_total += n;
        n
    }

    /// Frees everything the interpreter owns (cycles included).
    /// Runs the finalizers (`__del__`) of objects still alive at exit,
    /// in allocation order and with everything still intact, as CPython
    /// finalizes what is left at shutdown.
    fn run_exit_finalizers(&mut self) {
        // atexit callbacks (and other exit hooks) not yet run by
        // Interpreter::finalize.
        self.run_exit_hooks();
        crate::objects::coroutine::warn_unawaited_at_exit(self);
        let del = self.names.__del__.clone();
        // Finalizers may create objects with finalizers: a few rounds.
        for _ in 0..4 {
            let objs: Vec<PyRef> = self
                .gc
                .tracked
                .iter()
                .filter_map(|w| w.upgrade())
                .filter(|o| crate::objects::finalize::needs_finalizer(o, &del))
                .collect();
            if objs.is_empty() && !self.finalize_queue.pending.get() {
                break;
            }
            for o in &objs {
                self.call_finalizer(o);
            }
            drop(objs);
            self.run_finalizers();
        }
    }

    pub(crate) fn teardown(&mut self) {
        if !self.finalizing {
            self.run_exit_finalizers();
        }
        self.finalizing = true;
        crate::objects::finalize::uninstall(self);
        self.method_cache.clear();
        self.frame_stack.clear();
        self.frame_pool.clear();
        self.handled = None;
        self.cur_frame = None;
        self.caller = Default::default();
        let mut taken = Vec::new();
        for o in self.gc.tracked.iter().filter_map(|w| w.upgrade()) {
            clear(&o, &mut taken);
            if let Some(d) = o.dict_raw() {
                clear(d, &mut taken);
            }
        }
        // The built-in types belong to the runtime, which tears them down
        // through its prototype when the thread exits (`runtime.rs`).
        let proto = self.runtime.is_none();
        let mut all = Vec::new();
        if proto {
            all = self.types.all();
            all.extend(self.exc.all().into_iter().map(|(_, c)| c));
            all.extend(self.native_types.all());
        }
        all.push(self.builtins.clone());
        all.push(self.sys.clone());
        all.push(self.modules.clone());
        all.push(self.builtins_dict.clone());
        for o in &all {
            clear(o, &mut taken);
            if let Some(d) = o.dict_raw() {
                clear(d, &mut taken);
            }
        }
        // Dropping what was taken may free objects whose drops are
        // shallow now that containers are empty.
        while let Some(v) = taken.pop() {
            if let Value::Obj(o) = &v {
                if Rc::strong_count(o) == 1 {
                    clear(o, &mut taken);
                    if let Some(d) = o.dict_raw() {
                        clear(d, &mut taken);
                    }
                }
            }
            drop(v);
        }
        // The bootstrap types refer to one another through their classes
        // (`object` and `dict` are instances of `type`, the namespace dicts
        // instances of `dict`): cut those links so the last ones are freed.
        for o in all.iter().filter(|_| proto) {
            if let Ok(mut c) = o.class_cell().try_borrow_mut() {
                c.take();
            }
            if let Some(d) = o.dict_raw() {
                if let Ok(mut c) = d.class_cell().try_borrow_mut() {
                    c.take();
                }
            }
        }
        self.gc.tracked.clear();
        self.shared_subclasses.clear();
    }
}
