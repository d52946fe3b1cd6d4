//! Weak references: `weakref.ReferenceType` (`_weakref.ref`), the proxy
//! types, and the bookkeeping that clears them and queues their callbacks
//! when the referent dies.
//!
//! A weak reference holds a `std::rc::Weak` to its referent: the
//! allocation (not the contents) stays reserved while it exists, so a
//! referent's address cannot be reused by another object while a weak
//! reference still names it. The weak references of each referent are
//! listed in a thread-local table keyed by the referent's address, in
//! CPython's order (the callback-less `ref` first, then the callback-less
//! proxy, then the others newest first). Objects that never get a weak
//! reference cost nothing but one thread-local read when they are freed
//! (and not even that while no weak reference exists at all).
//!
//! When a referent dies (its last strong reference goes, inside `Drop`),
//! its weak references are cleared at once and their callbacks queued on
//! the VM's finalizer queue; the eval loop runs them at its next safe
//! point, so no Python code runs inside `Drop`. The cycle collector clears
//! the weak references to garbage itself and calls the callbacks of those
//! weak references that are not garbage themselves (`gc.rs`), as CPython.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use crate::native::Args;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The data of a weak reference or proxy.
pub struct WeakRefData {
    /// The referent; `None` once cleared.
    target: RefCell<Option<Weak<PyObject>>>,
    /// The callback, until the referent dies.
    pub(crate) callback: RefCell<Option<Value>>,
    /// The referent's hash, once asked.
    hash: Cell<Option<i64>>,
    /// The `__slots__` values of instances of subclasses
    /// (`weakref.KeyedRef.key`).
    pub(crate) slots: RefCell<Vec<Option<Value>>>,
}

impl WeakRefData {
    /// The referent, if still alive.
    pub fn get(&self) -> Option<PyRef> {
        self.target.borrow().as_ref().and_then(|w| w.upgrade())
    }

    fn clear(&self) {
        self.target.borrow_mut().take();
    }

    fn has_callback(&self) -> bool {
        self.callback.borrow().is_some()
    }
}

impl Drop for WeakRefData {
    fn drop(&mut self) {
        if let Some(w) = self.target.get_mut().take() {
            prune(w.as_ptr() as usize);
        }
    }
}

/// A hasher for addresses (they are distinct and aligned: shifting out
/// the alignment bits and mixing once is enough).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Table = HashMap<usize, Vec<Weak<PyObject>>, BuildHasherDefault<AddrHasher>>;

thread_local! {
    /// Referent address -> its weak reference objects, in CPython's order.
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
    /// Number of entries in `TABLE` (read on every free: a plain cell).
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

fn address(o: &PyObject) -> usize {
    o as *const PyObject as usize
}

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> Option<R> {
    TABLE
        .try_with(|t| {
            let mut t = t.try_borrow_mut().ok()?;
            let r = f(&mut t);
            let _ = LIVE.try_with(|l| l.set(t.len()));
            Some(r)
        })
        .ok()
        .flatten()
}

/// Drops the entries of weak references that are gone from `addr`'s list.
fn prune(addr: usize) {
    with_table(|t| {
        if let Some(list) = t.get_mut(&addr) {
            list.retain(|w| w.strong_count() > 0);
            if list.is_empty() {
                t.remove(&addr);
            }
        }
    });
}

/// Whether any weak reference exists on this thread (a fast check).
#[inline]
fn any_live() -> bool {
    LIVE.try_with(|l| l.get() != 0).unwrap_or(false)
}

/// The live weak reference objects of the object at `addr`, in order.
fn refs_at(addr: usize) -> Vec<PyRef> {
    if !any_live() {
        return Vec::new();
    }
    with_table(|t| {
        t.get(&addr)
            .map(|l| l.iter().filter_map(|w| w.upgrade()).collect())
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

fn data(o: &PyObject) -> Option<&WeakRefData> {
    match &o.payload {
        Payload::WeakRef(d) => Some(d),
        _ => None,
    }
}

/// Called when `o` dies (from `PyObject::drop`): clears its weak
/// references and queues their callbacks, in list order.
pub(crate) fn on_death(o: &PyObject) {
    if !any_live() {
        return;
    }
    let Some(Some(list)) = with_table(|t| t.remove(&address(o))) else {
        return;
    };
    let mut calls = Vec::new();
    for w in list {
        let Some(r) = w.upgrade() else { continue };
        if let Some(d) = data(&r) {
            d.clear();
            if let Some(cb) = d.callback.borrow_mut().take() {
                calls.push((r.clone(), cb));
            }
        }
    }
    if calls.is_empty() {
        return;
    }
    if let Some(q) = crate::objects::finalize::current_queue() {
        q.push_weakref_callbacks(calls);
    }
}

/// The contents of `old` (which is being freed) moved to `new` to run its
/// finalizer (`finalize.rs`): its weak references follow them, so they
/// stay alive while `__del__` runs, as in CPython.
pub(crate) fn on_move(old: &PyObject, new: &PyRef) {
    if !any_live() {
        return;
    }
    let new_addr = Rc::as_ptr(new) as usize;
    with_table(|t| {
        if let Some(list) = t.remove(&address(old)) {
            for w in &list {
                if let Some(r) = w.upgrade() {
                    if let Some(d) = data(&r) {
                        *d.target.borrow_mut() = Some(Rc::downgrade(new));
                    }
                }
            }
            t.insert(new_addr, list);
        }
    });
}

/// For the cycle collector: clears the weak references to the garbage
/// objects `garbage` and returns the (weakref, callback) pairs to call:
/// those of weak references that `is_garbage` says are not garbage.
pub(crate) fn clear_for_garbage(
    garbage: &[&PyRef],
    is_garbage: &dyn Fn(&PyRef) -> bool,
) -> Vec<(PyRef, Value)> {
    let mut calls = Vec::new();
    if !any_live() {
        return calls;
    }
    for g in garbage {
        let Some(Some(list)) = with_table(|t| t.remove(&(Rc::as_ptr(g) as usize))) else {
            continue;
        };
        for w in list {
            let Some(r) = w.upgrade() else { continue };
            if let Some(d) = data(&r) {
                d.clear();
                let cb = d.callback.borrow_mut().take();
                if let Some(cb) = cb {
                    if !is_garbage(&r) {
                        calls.push((r.clone(), cb));
                    }
                }
            }
        }
    }
    calls
}

/// The first weak reference to `o` (`o.__weakref__`).
pub(crate) fn first_ref(o: &PyRef) -> Option<PyRef> {
    refs_at(Rc::as_ptr(o) as usize).into_iter().next()
}

impl Vm {
    /// Calls a weak reference's callback, printing "Exception ignored in"
    /// for errors as CPython does.
    pub(crate) fn call_weakref_callback(&mut self, wr: PyRef, cb: Value) {
        if let Err(e) = self.call(&cb, &[Value::Obj(wr)]) {
            let r = self.repr(&cb).unwrap_or_default();
            let tb = self.format_exception(&Value::Obj(e.0.clone()));
            self.write_stderr(&format!("Exception ignored in: {r}\n{tb}"));
        }
    }

    fn is_proxy_class(&self, c: &PyRef) -> bool {
        Rc::ptr_eq(c, &self.types.weakproxy) || Rc::ptr_eq(c, &self.types.weakcallableproxy)
    }

    /// Whether `v` is a weak proxy.
    pub(crate) fn is_weak_proxy(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) if matches!(o.payload, Payload::WeakRef(_)) => {
                self.is_proxy_class(&self.obj_class(o))
            }
            _ => false,
        }
    }
}

/// Whether `v` can be weakly referenced (CPython: its type has a weak
/// reference list).
fn can_weakref(vm: &Vm, v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    let cls = vm.obj_class(o);
    if let Some(t) = cls.as_type() {
        if t.heap {
            if let Ok(mro) = t.mro.try_borrow() {
                if mro
                    .iter()
                    .any(|c| c.as_type().map(|ct| ct.weakref_slot).unwrap_or(false))
                {
                    return true;
                }
            }
        }
    }
    match &o.payload {
        Payload::Set(_)
        | Payload::FrozenSet(_)
        | Payload::Function(_)
        | Payload::BuiltinFunction(_)
        | Payload::BoundMethod { .. }
        | Payload::Type(_)
        | Payload::Module(_)
        | Payload::Code(_)
        | Payload::Generator(_)
        | Payload::Native(_) => true,
        Payload::NativeData(_) => {
            crate::objects::generic_alias::is_alias_class(vm, &cls)
                || o.native_data::<crate::objects::memoryview::MemView>()
                    .is_some()
        }
        _ => false,
    }
}

fn cannot(vm: &mut Vm, v: &Value) -> crate::vm::PyErr {
    let tn = vm.type_name(v);
    vm.type_error(format!("cannot create weak reference to '{tn}' object"))
}

fn callback_arg(v: Option<&Value>) -> Option<Value> {
    match v {
        None | Some(Value::None) => None,
        Some(c) => Some(c.clone()),
    }
}

/// Which kind of weak reference to make.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Ref,
    Proxy,
}

/// Makes (or reuses) a weak reference of class `cls` to `target`.
fn make(
    vm: &mut Vm,
    cls: &PyRef,
    target: &Value,
    callback: Option<Value>,
    kind: Kind,
) -> PyResult<PyRef> {
    if !can_weakref(vm, target) {
        return Err(cannot(vm, target));
    }
    let Value::Obj(t) = target else {
        return Err(cannot(vm, target));
    };
    let addr = Rc::as_ptr(t) as usize;
    let existing = refs_at(addr);
    // The callback-less `ref` and proxy of an object are shared.
    let basic_ref = existing
        .first()
        .filter(|r| r.class_is(&vm.types.weakref) && !data(r).is_some_and(|d| d.has_callback()))
        .cloned();
    let basic_proxy = {
        let start = usize::from(basic_ref.is_some());
        existing
            .get(start)
            .filter(|r| {
                vm.is_proxy_class(&vm.obj_class(r)) && !data(r).is_some_and(|d| d.has_callback())
            })
            .cloned()
    };
    let is_basic = callback.is_none()
        && match kind {
            Kind::Ref => Rc::ptr_eq(cls, &vm.types.weakref),
            Kind::Proxy => true,
        };
    if is_basic {
        let found = match kind {
            Kind::Ref => basic_ref.clone(),
            Kind::Proxy => basic_proxy.clone(),
        };
        if let Some(r) = found {
            return Ok(r);
        }
    }
    let nslots = cls.as_type().map(|t| t.nslots).unwrap_or(0);
    let d = WeakRefData {
        target: RefCell::new(Some(Rc::downgrade(t))),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        slots: RefCell::new(vec![None; nslots]),
    };
    let r = vm.alloc_instance(cls, Payload::WeakRef(Box::new(d)));
    let pos = if is_basic && kind == Kind::Ref {
        0
    } else if is_basic {
        usize::from(basic_ref.is_some())
    } else {
        usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some())
    };
    let w = Rc::downgrade(&r);
    with_table(|tb| {
        let list = tb.entry(addr).or_default();
        list.retain(|w| w.strong_count() > 0);
        let pos = pos.min(list.len());
        list.insert(pos, w);
    });
    Ok(r)
}

fn this_data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a WeakRefData> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::WeakRef(d) => Ok(d),
            _ => Err(vm.type_error("expected a weak reference")),
        },
        _ => Err(vm.type_error("expected a weak reference")),
    }
}

fn ref_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("weakref.__new__(X): X is not a type object")),
    };
    let rest = args.shift();
    if rest.has_kw() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let [ob, cb] = rest.range::<2>(vm, "__new__", 1, false)?;
    let ob = ob.cloned().unwrap_or(Value::None);
    let r = make(vm, &cls, &ob, callback_arg(cb), Kind::Ref)?;
    Ok(Value::Obj(r))
}

fn ref_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    if rest.has_kw() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    rest.range::<2>(vm, "__init__", 1, false)?;
    Ok(Value::None)
}

fn ref_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = args.shift();
    if rest.has_kw() {
        return Err(vm.type_error("weakref() takes no keyword arguments"));
    }
    if !rest.pos().is_empty() {
        return Err(vm.type_error(format!(
            "weakref expected 0 arguments, got {}",
            rest.pos().len()
        )));
    }
    let d = this_data(vm, args.this())?;
    Ok(d.get().map(Value::Obj).unwrap_or(Value::None))
}

fn ref_callback(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let d = this_data(vm, this)?;
    let cb = d.callback.borrow().clone();
    Ok(cb.unwrap_or(Value::None))
}

fn ref_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(vm, "__hash__")?;
    let d = this_data(vm, this)?;
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(o) = d.get() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&Value::Obj(o))?;
    // Re-read: hashing ran Python code.
    if let Value::Obj(t) = this {
        if let Some(d) = data(t) {
            d.hash.set(Some(h));
        }
    }
    Ok(Value::Int(h))
}

fn is_weak_ref_obj(vm: &Vm, v: &Value) -> Option<PyRef> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::WeakRef(_)) => {
            let _ = vm;
            Some(o.clone())
        }
        _ => None,
    }
}

fn ref_compare(vm: &mut Vm, args: Args, eq: bool) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.get(0), args.get(1)) else {
        return Ok(vm.not_implemented());
    };
    let (Some(ra), Some(rb)) = (is_weak_ref_obj(vm, a), is_weak_ref_obj(vm, b)) else {
        return Ok(vm.not_implemented());
    };
    let ta = data(&ra).and_then(|d| d.get());
    let tb = data(&rb).and_then(|d| d.get());
    match (ta, tb) {
        (Some(x), Some(y)) => {
            let op = if eq {
                rpy_compiler::bytecode::ComparisonOperator::Eq
            } else {
                rpy_compiler::bytecode::ComparisonOperator::Ne
            };
            vm.compare(&Value::Obj(x), &Value::Obj(y), op)
        }
        _ => Ok(Value::Bool(Rc::ptr_eq(&ra, &rb) == eq)),
    }
}

fn ref_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, args, true)
}

fn ref_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ref_compare(vm, args, false)
}

fn ref_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = this_data(vm, &this)?;
    let Some(o) = d.get() else {
        return Ok(vm.str_val(format!("<weakref at {:#x}; dead>", this.id())));
    };
    let ov = Value::Obj(o);
    let tn = vm.type_name(&ov);
    let k = vm.names.__name__.clone();
    let name = match vm.get_attr_opt(&ov, &k) {
        Ok(Some(n)) => n.as_str().map(|s| s.to_owned()),
        Ok(None) => None,
        Err(e) => {
            // CPython lets errors other than AttributeError through.
            return Err(e);
        }
    };
    let s = match name {
        Some(n) => format!(
            "<weakref at {:#x}; to '{tn}' at {:#x} ({n})>",
            this.id(),
            ov.id()
        ),
        None => format!("<weakref at {:#x}; to '{tn}' at {:#x}>", this.id(), ov.id()),
    };
    Ok(vm.str_val(s))
}

// ---- proxies ----

fn dead(vm: &mut Vm) -> crate::vm::PyErr {
    let c = vm.exc.reference_error.clone();
    vm.new_error(&c, "weakly-referenced object no longer exists")
}

/// The referent of proxy `v`, or `v` itself if it is not a proxy;
/// ReferenceError for a dead proxy.
pub(crate) fn unwrap_proxy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if !vm.is_weak_proxy(v) {
        return Ok(v.clone());
    }
    match v.as_obj().and_then(|o| data(o).and_then(|d| d.get())) {
        Some(o) => Ok(Value::Obj(o)),
        None => Err(dead(vm)),
    }
}

fn proxy_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kw() {
        return Err(vm.type_error("proxy() takes no keyword arguments"));
    }
    let [ob, cb] = args.range::<2>(vm, "proxy", 1, false)?;
    let ob = ob.cloned().unwrap_or(Value::None);
    let callable = vm.is_callable(&ob);
    let cls = if callable {
        vm.types.weakcallableproxy.clone()
    } else {
        vm.types.weakproxy.clone()
    };
    // Proxies of both kinds share one "basic" slot in CPython's list; a
    // proxy's class follows its referent's callability.
    let r = make(vm, &cls, &ob, callback_arg(cb), Kind::Proxy)?;
    Ok(Value::Obj(r))
}

/// A proxy's attribute lookup: forwarded to the referent.
pub(crate) fn proxy_getattr(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let o = unwrap_proxy(vm, obj)?;
    vm.get_attr(&o, name).map(Some)
}

/// A proxy's `setattr`/`delattr` (value `None`): forwarded.
pub(crate) fn proxy_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &PyRef,
    value: Option<Value>,
) -> PyResult<()> {
    let o = unwrap_proxy(vm, obj)?;
    match value {
        Some(v) => vm.set_attr(&o, name, v),
        None => vm.del_attr(&o, name),
    }
}

fn proxy_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let d = this_data(vm, &this)?;
    let target = d.get().map(Value::Obj).unwrap_or(Value::None);
    let tn = vm.type_name(&target);
    Ok(vm.str_val(format!(
        "<weakproxy at {:#x} to {tn} at {:#x}>",
        this.id(),
        target.id()
    )))
}

fn proxy_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let s = vm.str(&o)?;
    Ok(vm.str_val(s))
}

fn proxy_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    Ok(Value::Bool(vm.is_true(&o)?))
}

fn proxy_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let n = vm.len(&o)?;
    Ok(Value::Int(n as i64))
}

fn proxy_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    vm.get_iter(&o)
}

fn proxy_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let k = vm.names.__next__.clone();
    let cls = vm.class_of(&o);
    if crate::objects::type_::lookup(&cls, &k).is_none() {
        let tn = vm.type_name(&o);
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{tn}' object"
        )));
    }
    match vm.next(&o)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}

fn proxy_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, k] = args.exact_method::<2>(vm, "__getitem__")?;
    let o = unwrap_proxy(vm, this)?;
    vm.get_item(&o, k)
}

fn proxy_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, k, v] = args.exact_method::<3>(vm, "__setitem__")?;
    let o = unwrap_proxy(vm, this)?;
    vm.set_item(&o, k.clone(), v.clone())?;
    Ok(Value::None)
}

fn proxy_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, k] = args.exact_method::<2>(vm, "__delitem__")?;
    let o = unwrap_proxy(vm, this)?;
    vm.del_item(&o, k)?;
    Ok(Value::None)
}

fn proxy_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, x] = args.exact_method::<2>(vm, "__contains__")?;
    let o = unwrap_proxy(vm, this)?;
    Ok(Value::Bool(vm.contains(&o, x)?))
}

fn proxy_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    vm.call_with(&o, args.shift())
}

fn proxy_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let f = builtin(vm, "reversed")?;
    vm.call(&f, &[o])
}

fn proxy_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let f = builtin(vm, "bytes")?;
    vm.call(&f, &[o])
}

fn proxy_cmp(
    vm: &mut Vm,
    args: Args,
    op: rpy_compiler::bytecode::ComparisonOperator,
) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.get(0), args.get(1)) else {
        return Ok(vm.not_implemented());
    };
    let a = unwrap_proxy(vm, a)?;
    let b = unwrap_proxy(vm, b)?;
    vm.compare(&a, &b, op)
}

macro_rules! proxy_cmps {
    ($($name:ident => $op:ident,)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            proxy_cmp(vm, args, rpy_compiler::bytecode::ComparisonOperator::$op)
        })*
    };
}
proxy_cmps! {
    proxy_lt => Lt, proxy_le => Le, proxy_eq => Eq, proxy_ne => Ne, proxy_gt => Gt, proxy_ge => Ge,
}

/// `a op b` with proxies unwrapped; `swap` for the reflected form.
fn proxy_bin(
    vm: &mut Vm,
    args: Args,
    op: rpy_compiler::bytecode::BinaryOperator,
    mode: u8,
) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.get(0), args.get(1)) else {
        return Ok(vm.not_implemented());
    };
    let a = unwrap_proxy(vm, a)?;
    let b = unwrap_proxy(vm, b)?;
    match mode {
        0 => vm.binary_op(&a, &b, op),
        1 => vm.binary_op(&b, &a, op),
        _ => vm.inplace_op(&a, &b, op),
    }
}

macro_rules! proxy_bins {
    ($($op:ident: $f:ident, $rf:ident, $if_:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                proxy_bin(vm, args, rpy_compiler::bytecode::BinaryOperator::$op, 0)
            }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult<Value> {
                proxy_bin(vm, args, rpy_compiler::bytecode::BinaryOperator::$op, 1)
            }
            fn $if_(vm: &mut Vm, args: Args) -> PyResult<Value> {
                proxy_bin(vm, args, rpy_compiler::bytecode::BinaryOperator::$op, 2)
            }
        )*
    };
}
proxy_bins! {
    Add: p_add, p_radd, p_iadd;
    Subtract: p_sub, p_rsub, p_isub;
    Multiply: p_mul, p_rmul, p_imul;
    MatMultiply: p_matmul, p_rmatmul, p_imatmul;
    TrueDivide: p_truediv, p_rtruediv, p_itruediv;
    FloorDivide: p_floordiv, p_rfloordiv, p_ifloordiv;
    Modulo: p_mod, p_rmod, p_imod;
    Power: p_pow, p_rpow, p_ipow;
    LShift: p_lshift, p_rlshift, p_ilshift;
    RShift: p_rshift, p_rrshift, p_irshift;
    And: p_and, p_rand, p_iand;
    Or: p_or, p_ror, p_ior;
    Xor: p_xor, p_rxor, p_ixor;
}

fn proxy_divmod(vm: &mut Vm, args: Args, swap: bool) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.get(0), args.get(1)) else {
        return Ok(vm.not_implemented());
    };
    let a = unwrap_proxy(vm, a)?;
    let b = unwrap_proxy(vm, b)?;
    let f = builtin(vm, "divmod")?;
    if swap {
        vm.call(&f, &[b, a])
    } else {
        vm.call(&f, &[a, b])
    }
}

fn p_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_divmod(vm, args, false)
}

fn p_rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_divmod(vm, args, true)
}

fn proxy_unary(
    vm: &mut Vm,
    args: Args,
    op: rpy_compiler::bytecode::UnaryOperator,
) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    vm.unary_op(&o, op)
}

fn p_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_unary(vm, args, rpy_compiler::bytecode::UnaryOperator::Negative)
}

fn p_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_unary(vm, args, rpy_compiler::bytecode::UnaryOperator::Positive)
}

fn p_invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_unary(vm, args, rpy_compiler::bytecode::UnaryOperator::Invert)
}

fn proxy_builtin(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let f = builtin(vm, name)?;
    vm.call(&f, &[o])
}

fn p_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_builtin(vm, args, "abs")
}

fn p_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_builtin(vm, args, "int")
}

fn p_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    proxy_builtin(vm, args, "float")
}

fn p_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = unwrap_proxy(vm, args.this())?;
    let i = vm.to_index(&o)?;
    Ok(vm.new_int(i))
}

/// A built-in function by name (`reversed`, `abs`, ...).
fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let d = vm.builtins_dict.clone();
    let k = vm.intern(name);
    match crate::objects::dict::get_str(&d, &k) {
        Some(f) => Ok(f),
        None => Err(vm.runtime_error(format!("builtins.{name} is missing"))),
    }
}

// ---- module functions ----

fn getweakrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>(vm, "_weakref.getweakrefcount")?;
    let n = match o {
        Value::Obj(o) => refs_at(Rc::as_ptr(o) as usize).len(),
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>(vm, "getweakrefs")?;
    let refs = match o {
        Value::Obj(o) => refs_at(Rc::as_ptr(o) as usize),
        _ => Vec::new(),
    };
    Ok(vm.new_list(refs.into_iter().map(Value::Obj).collect()))
}

fn remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, key] = args.exact::<2>(vm, "_remove_dead_weakref")?;
    let Some(dict) = d.as_obj().filter(|o| matches!(o.payload, Payload::Dict(_))) else {
        let tn = vm.type_name(d);
        return Err(vm.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {tn}"
        )));
    };
    let dict = dict.clone();
    let Some(v) = vm.dict_get(&dict, key)? else {
        return Ok(Value::None);
    };
    let is_dead = match &v {
        Value::Obj(o) => match &o.payload {
            Payload::WeakRef(w) => w.get().is_none(),
            _ => return Err(vm.type_error("not a weakref")),
        },
        _ => return Err(vm.type_error("not a weakref")),
    };
    if is_dead {
        // The value may have changed while the key was compared.
        if let Some(now) = vm.dict_get(&dict, key)? {
            if now.is(&v) {
                vm.dict_del(&dict, key)?;
            }
        }
    }
    Ok(Value::None)
}

/// `obj.__weakref__` of instances of user classes.
pub(crate) fn weakref_attr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Obj(o) => first_ref(o).map(Value::Obj).unwrap_or(Value::None),
        _ => Value::None,
    })
}

/// The `_weakref` module.
pub fn make_module(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_weakref");
    vm.module_add_fns(
        &m,
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_remove_dead_weakref", remove_dead_weakref),
            ("proxy", proxy_fn),
        ],
    );
    let r = Value::Obj(vm.types.weakref.clone());
    vm.module_set(&m, "ref", r.clone());
    vm.module_set(&m, "ReferenceType", r);
    let p = Value::Obj(vm.types.weakproxy.clone());
    vm.module_set(&m, "ProxyType", p);
    let p = Value::Obj(vm.types.weakcallableproxy.clone());
    vm.module_set(&m, "CallableProxyType", p);
    Ok(m)
}

/// Adds the methods of the weak reference types.
pub fn init(vm: &mut Vm) {
    let t = vm.types.weakref.clone();
    crate::define::set_tp_name(&t, "weakref", "ReferenceType");
    let m = vm.str_val("weakref");
    vm.set_class_const(&t, "__module__", m);
    vm.add_static(&t, "__new__", ref_new);
    vm.add_methods(
        &t,
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
        ],
    );
    vm.add_getset(&t, "__callback__", ref_callback, None);
    for (t, name) in [
        (vm.types.weakproxy.clone(), "ProxyType"),
        (vm.types.weakcallableproxy.clone(), "CallableProxyType"),
    ] {
        crate::define::set_tp_name(&t, "weakref", name);
        let m = vm.str_val("weakref");
        vm.set_class_const(&t, "__module__", m);
        vm.set_class_const(&t, "__hash__", Value::None);
        vm.add_methods(
            &t,
            &[
                ("__repr__", proxy_repr),
                ("__str__", proxy_str),
                ("__bool__", proxy_bool),
                ("__len__", proxy_len),
                ("__iter__", proxy_iter),
                ("__next__", proxy_next),
                ("__getitem__", proxy_getitem),
                ("__setitem__", proxy_setitem),
                ("__delitem__", proxy_delitem),
                ("__contains__", proxy_contains),
                ("__reversed__", proxy_reversed),
                ("__bytes__", proxy_bytes),
                ("__lt__", proxy_lt),
                ("__le__", proxy_le),
                ("__eq__", proxy_eq),
                ("__ne__", proxy_ne),
                ("__gt__", proxy_gt),
                ("__ge__", proxy_ge),
                ("__add__", p_add),
                ("__radd__", p_radd),
                ("__iadd__", p_iadd),
                ("__sub__", p_sub),
                ("__rsub__", p_rsub),
                ("__isub__", p_isub),
                ("__mul__", p_mul),
                ("__rmul__", p_rmul),
                ("__imul__", p_imul),
                ("__matmul__", p_matmul),
                ("__rmatmul__", p_rmatmul),
                ("__imatmul__", p_imatmul),
                ("__truediv__", p_truediv),
                ("__rtruediv__", p_rtruediv),
                ("__itruediv__", p_itruediv),
                ("__floordiv__", p_floordiv),
                ("__rfloordiv__", p_rfloordiv),
                ("__ifloordiv__", p_ifloordiv),
                ("__mod__", p_mod),
                ("__rmod__", p_rmod),
                ("__imod__", p_imod),
                ("__pow__", p_pow),
                ("__rpow__", p_rpow),
                ("__ipow__", p_ipow),
                ("__lshift__", p_lshift),
                ("__rlshift__", p_rlshift),
                ("__ilshift__", p_ilshift),
                ("__rshift__", p_rshift),
                ("__rrshift__", p_rrshift),
                ("__irshift__", p_irshift),
                ("__and__", p_and),
                ("__rand__", p_rand),
                ("__iand__", p_iand),
                ("__or__", p_or),
                ("__ror__", p_ror),
                ("__ior__", p_ior),
                ("__xor__", p_xor),
                ("__rxor__", p_rxor),
                ("__ixor__", p_ixor),
                ("__divmod__", p_divmod),
                ("__rdivmod__", p_rdivmod),
                ("__neg__", p_neg),
                ("__pos__", p_pos),
                ("__invert__", p_invert),
                ("__abs__", p_abs),
                ("__int__", p_int),
                ("__float__", p_float),
                ("__index__", p_index),
            ],
        );
    }
    let t = vm.types.weakcallableproxy.clone();
    vm.add_methods(&t, &[("__call__", proxy_call)]);
}
