//! Helpers shared by the iterator types: stepping an inner iterator on a
//! stack that grows as needed, CPython's conversions of size arguments,
//! and the allocation checks for buffers whose size user input decides.

use rpy_vm::{ClassDef, Native, NativeClass, PyResult, Signature, Value, Vm};

/// Runs `f` (a step that steps other iterators, which may be ours again:
/// `chain(chain(chain(...)))`) on a stack grown as needed, so that a
/// chain of many thousands of iterators cannot overflow the native stack.
pub(crate) fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// `next(it)` on a grown stack (see [`grow`]).
pub(crate) fn next_of(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    grow(|| vm.next(it))
}

/// CPython names a constructor's keyword error "NAME() takes no keyword
/// arguments", without the module.
pub(crate) fn plain_name(sig: &mut Signature, name: &str) {
    sig.qualname = std::rc::Rc::from(name);
}

/// A `Py_ssize_t` argument (`__index__`), or "cannot be interpreted as
/// an integer" / "Python int too large to convert to C ssize_t".
pub(crate) fn ssize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    <isize as rpy_vm::FromPython>::from_python(vm, v)
}

/// Checks that `n` items of `item` bytes each may be allocated
/// (MemoryError otherwise).
pub(crate) fn check_items(vm: &mut Vm, n: usize, item: usize) -> PyResult<()> {
    match n.checked_mul(item) {
        Some(b) => vm.check_alloc(b),
        None => Err(vm.memory_error()),
    }
}

/// The `__name__` of the instance's class (reprs name a subclass).
pub(crate) fn class_name(vm: &mut Vm, obj: &Value) -> String {
    let cls = vm.class_of(obj);
    match cls.as_type() {
        Some(t) => t.name(),
        None => vm.type_name(obj),
    }
}

/// A tuple of the values.
pub(crate) fn tuple(vm: &mut Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}

/// The items of `iterable` as a vector (CPython's `PySequence_Tuple`).
pub(crate) fn items_of(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    grow(|| vm.iterate(iterable))
}

/// `(type(self), args)` or, with a state, `(type(self), args, state)`.
pub(crate) fn reduce_value<T: NativeClass>(
    vm: &mut Vm,
    this: &Native<T>,
    args: Vec<Value>,
    state: Option<Value>,
) -> Value {
    let cls = Value::Obj(this.class(vm));
    let args = tuple(vm, args);
    let mut items = vec![cls, args];
    items.extend(state);
    tuple(vm, items)
}

/// The one argument of a constructor parsed like CPython's
/// `PyArg_UnpackTuple(args, name, 1, 1, ...)`: "NAME expected 1
/// argument, got 0".
pub(crate) fn one_arg(vm: &mut Vm, name: &str, args: rpy_vm::VarArgs) -> PyResult<Value> {
    match <[Value; 1]>::try_from(args.0) {
        Ok([v]) => Ok(v),
        Err(v) => Err(vm.type_error(format!("{name} expected 1 argument, got {}", v.len()))),
    }
}

/// The two values a two-argument iterator holds: a function (or
/// `compress`'s data) and an iterator.
#[derive(Clone)]
pub(crate) struct Pair(pub Value, pub Value);

impl Pair {
    pub(crate) fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
        visit(&self.1);
    }

    pub(crate) fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.0, Value::None));
        out.push(std::mem::replace(&mut self.1, Value::None));
    }
}

/// An iterator type holding a [`Pair`] (`compress`, `starmap`, the
/// predicate-driven ones): [`pair_iterator`] gives it its class body.
pub(crate) trait PairIter: NativeClass {
    fn pair(&self) -> &Pair;

    /// The state `__reduce__` adds after the arguments, if any.
    fn state(&self) -> Option<Value> {
        None
    }
}

/// The shell the [`PairIter`] types share: iteration over itself with
/// `next`, and pickling as `(type, (first, second)[, state])`.
pub(crate) fn pair_iterator<T: PairIter>(
    c: &mut ClassDef<T>,
    next: impl Fn(&mut Vm, Native<T>) -> PyResult<Option<Value>> + 'static,
) {
    c.iter(|_vm, this| Ok(this.value()));
    c.next(next);
    c.method(
        "__reduce__",
        |vm: &mut Vm, this: Native<T>| -> PyResult<Value> {
            let (Pair(a, b), state) = this.with(vm, |t| (t.pair().clone(), t.state()))?;
            Ok(reduce_value(vm, &this, vec![a, b], state))
        },
    );
}
