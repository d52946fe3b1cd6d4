//! The cycle collector. Reference counting frees most objects; containers
//! are also tracked (`gc_heap.rs`, by generation) so that unreachable
//! cycles can be found: for every object of the generations collected,
//! its strong count minus the references held by other objects of those
//! generations is the number of references from outside (Rust locals,
//! frames, untracked holders, older generations). Objects with outside
//! references are roots; objects not reachable from a root are garbage and
//! get cleared, which breaks their cycles so `Rc` frees them. Survivors
//! move to the next generation, so old objects are scanned rarely.

use std::rc::Rc;

use crate::gc_heap::{self, GENERATIONS};
use crate::object::{Payload, PyObject};
use crate::objects::iter::IterState;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

/// Collector state of one VM (the objects themselves are in its heap in
/// `gc_heap.rs`).
pub struct Gc {
    /// This VM's heap in `gc_heap`.
    pub(crate) heap: u16,
    /// CPython's thresholds: allocations minus frees before generation 0
    /// is collected, and collections of each generation before the next
    /// one is (`gc.set_threshold`).
    pub(crate) thresholds: [i64; GENERATIONS],
    /// Generation 0's count passed its threshold (checked at the eval
    /// loop's safe points).
    due: bool,
    pub enabled: bool,
    collecting: bool,
    /// Objects freed by collections so far.
    pub collected_total: usize,
}

impl Default for Gc {
    fn default() -> Self {
        Gc {
            heap: gc_heap::new_heap(),
            thresholds: [700, 10, 10],
            due: false,
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

/// Whether a surviving exact tuple holds only objects the collector
/// does not track (numbers, strings, untracked tuples): it can never be
/// part of a cycle, so it leaves the generations (as in CPython).
fn untrackable_tuple(o: &PyObject, tuple: &PyRef) -> bool {
    let Payload::Tuple(items) = &o.payload else {
        return false;
    };
    o.class_is(tuple)
        && !o.has_dict()
        && items.iter().all(|v| match v {
            Value::Obj(r) => !r.gc_header().is_tracked(),
            _ => true,
        })
}

impl Vm {
    /// Registers a container with the collector.
    #[inline]
    pub fn gc_track(&mut self, o: &PyRef) {
        let n = gc_heap::track(self.gc.heap, o);
        let t = self.gc.thresholds[0];
        if n as i64 > t && t != 0 {
            self.gc.due = true;
        }
    }

    /// Runs a collection if enough containers were allocated (called at
    /// safe points of the eval loop).
    #[inline]
    pub fn gc_maybe_collect(&mut self) {
        if self.gc.due && self.gc.enabled && !self.gc.collecting {
            self.gc.due = false;
            if let Some(g) = gc_heap::due(self.gc.heap, &self.gc.thresholds) {
                self.collect_generation(g);
            }
        }
    }

    /// Number of live tracked objects.
    pub fn gc_live_count(&mut self) -> usize {
        gc_heap::live_count(self.gc.heap)
    }

    /// Every object the collector tracks, oldest first.
    pub(crate) fn gc_tracked_objects(&self) -> Vec<PyRef> {
        gc_heap::all_objects(self.gc.heap)
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

    /// Tracked allocations minus frees since the last collection
    /// (the first of `gc.get_count()`).
    pub fn gc_count(&self) -> usize {
        gc_heap::counts(self.gc.heap)[0]
    }

    /// The collector's three counts (`gc.get_count()`): allocations minus
    /// frees since generation 0 was collected, and the collections of
    /// generations 0 and 1 since generations 1 and 2 were.
    pub fn gc_counts(&self) -> [usize; 3] {
        gc_heap::counts(self.gc.heap)
    }

    /// The collector's thresholds (`gc.get_threshold()`).
    pub fn gc_thresholds(&self) -> [i64; 3] {
        self.gc.thresholds
    }

    /// Sets the thresholds (`gc.set_threshold()`); a first threshold of 0
    /// turns automatic collection off.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.vm().set_gc_thresholds([1000, 10, 10]);
    /// assert_eq!(interp.vm().gc_thresholds(), [1000, 10, 10]);
    /// ```
    pub fn set_gc_thresholds(&mut self, t: [i64; 3]) {
        self.gc.thresholds = t;
    }

    /// A full collection; returns the number of objects found unreachable.
    pub fn collect_garbage(&mut self) -> usize {
        self.collect_generation(GENERATIONS - 1)
    }

    /// Collects generations `0..=gen` (`gc.collect(gen)`); returns the
    /// number of objects found unreachable.
    pub fn collect_generation(&mut self, gen: usize) -> usize {
        if self.gc.collecting {
            return 0;
        }
        let gen = gen.min(GENERATIONS - 1);
        self.gc.collecting = true;
        // The method cache holds attribute values (functions, ...) that
        // would count as outside references; young garbage rarely involves
        // them, so only older collections pay for refilling the cache.
        if gen > 0 {
            self.method_cache.clear();
        }
        let heap = self.gc.heap;
        // The objects, densely, and where each slot of the generations
        // landed (the header's generation and slot find an object's
        // index without a map).
        let (slots, base) = gc_heap::objects_upto(heap, gen);
        let mut dense = vec![u32::MAX; slots.len()];
        let mut objs: Vec<PyRef> = Vec::with_capacity(slots.len());
        for (p, o) in slots.into_iter().enumerate() {
            if let Some(o) = o {
                dense[p] = objs.len() as u32;
                objs.push(o);
            }
        }
        let find = |c: &PyRef| -> Option<usize> {
            let (g, s) = c.gc_header().generation_in(heap)?;
            if g > gen {
                return None;
            }
            let i = *dense.get(base[g] + s)? as usize;
            objs.get(i).filter(|o| Rc::ptr_eq(o, c)).map(|_| i)
        };
        // Outside references: strong count minus ours (the `objs` entry)
        // minus those from other objects collected.
        let mut refs: Vec<isize> = objs
            .iter()
            .map(|o| Rc::strong_count(o) as isize - 1)
            .collect();
        let mut opaque = vec![false; objs.len()];
        for (i, o) in objs.iter().enumerate() {
            let ok = traverse(o, &mut |c: &PyRef| {
                if let Some(j) = find(c) {
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
        drop(refs);
        for &i in &stack {
            reachable[i] = true;
        }
        while let Some(i) = stack.pop() {
            traverse(&objs[i], &mut |c: &PyRef| {
                if let Some(j) = find(c) {
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
        let calls = if garbage.is_empty() {
            Vec::new()
        } else {
            let refs: Vec<&PyRef> = garbage.iter().map(|&i| &objs[i]).collect();
            let is_garbage = |r: &PyRef| find(r).is_some_and(|j| !reachable[j]);
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
            drop(dense);
            drop(objs);
            self.gc.collecting = false;
            for o in &to_finalize {
                self.call_finalizer(o);
            }
            drop(to_finalize);
            return self.collect_generation(gen);
        }
        let n = garbage.len();
        let mut taken = Vec::new();
        for &i in &garbage {
            clear(&objs[i], &mut taken);
        }
        drop(taken);
        // Survivors move up a generation, oldest first (allocation order
        // is kept); tuples of untracked objects leave the generations.
        let tuple = self.types.tuple.clone();
        let mut order: Vec<usize> = Vec::with_capacity(objs.len() - n);
        for g in (0..=gen).rev() {
            let end = if g == gen { dense.len() } else { base[g + 1] };
            order.extend(
                dense[base[g]..end]
                    .iter()
                    .filter(|&&i| i != u32::MAX && reachable[i as usize])
                    .map(|&i| i as usize),
            );
        }
        for i in order {
            let o = &objs[i];
            if o.gc_header().generation_in(heap).is_none() {
                continue;
            }
            if untrackable_tuple(o, &tuple) {
                gc_heap::untrack(o, false);
            } else {
                gc_heap::move_to(o, (gen + 1).min(GENERATIONS - 1));
            }
        }
        drop(dense);
        drop(objs);
        gc_heap::collected(heap, gen);
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
                .gc_tracked_objects()
                .into_iter()
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
        for o in self.gc_tracked_objects() {
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
        gc_heap::release_heap(self.gc.heap);
        self.shared_subclasses.clear();
    }
}
