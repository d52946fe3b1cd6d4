//! `tee(iterable, n=2)` and its `_tee` objects: n independent iterators
//! over one input. The items read ahead live in a chain of
//! `_tee_dataobject` links of up to [`LINKCELLS`] items each, shared by
//! the tee objects; a link is freed when no tee object still needs it.

use rpy_vm::{
    ClassDef, ModuleDef, Native, NativeClass, OptArg, Payload, PyResult, Value, VarArgs, Vm,
};

use crate::support::{check_items, next_of, one_arg, plain_name, reduce_value, ssize, tuple};

/// Items per link (CPython's number, which `__setstate__` checks).
const LINKCELLS: usize = 57;

/// One link of the shared buffer.
pub struct TeeData {
    it: Value,
    values: Vec<Value>,
    next: Option<Native<TeeData>>,
    /// Reading the input: a second read meanwhile is an error.
    running: bool,
}

impl TeeData {
    fn new(it: Value) -> TeeData {
        TeeData {
            it,
            values: Vec::new(),
            next: None,
            running: false,
        }
    }
}

/// Item `i` of the link, reading the input when it is the next one.
fn data_item(vm: &mut Vm, data: &Native<TeeData>, i: usize) -> PyResult<Option<Value>> {
    let (have, it, running) =
        data.with(vm, |d| (d.values.get(i).cloned(), d.it.clone(), d.running))?;
    if let Some(v) = have {
        return Ok(Some(v));
    }
    if running {
        return Err(vm.runtime_error("cannot re-enter the tee iterator"));
    }
    data.with_mut(vm, |d| d.running = true)?;
    let r = next_of(vm, &it);
    data.with_mut(vm, |d| d.running = false)?;
    let Some(v) = r? else {
        return Ok(None);
    };
    let keep = v.clone();
    data.with_mut(vm, |d| d.values.push(keep))?;
    Ok(Some(v))
}

/// The link after `data`, made on first use.
fn data_next(vm: &mut Vm, data: &Native<TeeData>) -> PyResult<Native<TeeData>> {
    let (next, it) = data.with(vm, |d| (d.next.clone(), d.it.clone()))?;
    if let Some(n) = next {
        return Ok(n);
    }
    let link = vm.new_native_object(TeeData::new(it));
    let Some(link) = Native::<TeeData>::of(&link) else {
        return Err(vm.system_error("a tee link is not a _tee_dataobject"));
    };
    let keep = link.clone();
    data.with_mut(vm, |d| d.next = Some(keep))?;
    Ok(link)
}

impl NativeClass for TeeData {
    const NAME: &'static str = "_tee_dataobject";
    const MODULE: &'static str = "itertools";
    const DOC: Option<&'static str> = Some("teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.");

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(
            |vm: &mut Vm, iterable: Value, values: Value, next: Value| -> PyResult<TeeData> {
                let Some(Payload::List(l)) = values.payload() else {
                    let t = vm.type_name(&values);
                    return Err(vm.type_error(format!(
                        "_tee_dataobject() argument 2 must be list, not {t}"
                    )));
                };
                let values = l.borrow().clone();
                // A link holds at most LINKCELLS items, and has a next
                // link exactly when full (CPython's one message for all).
                let next = match (&next, values.len()) {
                    (_, n) if n > LINKCELLS => None,
                    (Value::None, n) if n < LINKCELLS => Some(None),
                    (v, LINKCELLS) if v.is_none() => Some(None),
                    (v, LINKCELLS) => Native::<TeeData>::of(v).map(Some),
                    _ => None,
                };
                let Some(next) = next else {
                    return Err(vm.value_error("Invalid arguments"));
                };
                let it = iterable;
                Ok(TeeData {
                    it,
                    values,
                    next,
                    running: false,
                })
            },
        );
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<TeeData>| -> PyResult<Value> {
                let (it, values, next) =
                    this.with(vm, |d| (d.it.clone(), d.values.clone(), d.next.clone()))?;
                let values = vm.new_list(values);
                let next = next.map(|n| n.value()).unwrap_or(Value::None);
                Ok(reduce_value(vm, &this, vec![it, values, next], None))
            },
        );
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        self.values.iter().for_each(&mut *visit);
        if let Some(n) = &self.next {
            visit(&n.value());
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.it, Value::None));
        out.append(&mut self.values);
        if let Some(n) = self.next.take() {
            out.push(n.value());
        }
    }
}

/// One of the iterators `tee` returns: a link and a position in it.
pub struct Tee {
    data: Native<TeeData>,
    index: usize,
}

fn tee_next(vm: &mut Vm, this: Native<Tee>) -> PyResult<Option<Value>> {
    let (mut data, mut index) = this.with(vm, |t| (t.data.clone(), t.index))?;
    if index >= LINKCELLS {
        data = data_next(vm, &data)?;
        index = 0;
        let keep = data.clone();
        this.with_mut(vm, |t| {
            t.data = keep;
            t.index = 0;
        })?;
    }
    let Some(v) = data_item(vm, &data, index)? else {
        return Ok(None);
    };
    this.with_mut(vm, |t| t.index = index + 1)?;
    Ok(Some(v))
}

/// A tee object over `iterable`: a copy of it if it is one.
fn tee_from(vm: &mut Vm, iterable: &Value) -> PyResult<Tee> {
    let it = vm.get_iter(iterable)?;
    if let Some(t) = Native::<Tee>::of(&it) {
        return t.with(vm, |t| Tee {
            data: t.data.clone(),
            index: t.index,
        });
    }
    let data = vm.new_native_object(TeeData::new(it));
    match Native::<TeeData>::of(&data) {
        Some(data) => Ok(Tee { data, index: 0 }),
        None => Err(vm.system_error("a tee link is not a _tee_dataobject")),
    }
}

fn tee_copy(vm: &mut Vm, this: Native<Tee>) -> PyResult<Value> {
    let t = this.with(vm, |t| Tee {
        data: t.data.clone(),
        index: t.index,
    })?;
    let cls = this.class(vm);
    Ok(Value::Obj(vm.new_native_instance(&cls, t)))
}

fn tee_setstate(vm: &mut Vm, this: Native<Tee>, state: Value) -> PyResult<()> {
    let items = match state.payload() {
        Some(Payload::Tuple(t)) => t.clone(),
        _ => return Err(vm.type_error("state is not a tuple")),
    };
    let [data, index] = items.as_slice() else {
        let n = items.len();
        return Err(vm.type_error(format!("function takes exactly 2 arguments ({n} given)")));
    };
    let Some(data) = Native::<TeeData>::of(data) else {
        let t = vm.type_name(data);
        return Err(vm.type_error(format!(
            "argument 1 must be itertools._tee_dataobject, not {t}"
        )));
    };
    let index = ssize(vm, index)?;
    let index = match usize::try_from(index) {
        Ok(i) if i <= LINKCELLS => i,
        _ => return Err(vm.value_error("Index out of range")),
    };
    this.with_mut(vm, |t| {
        t.data = data;
        t.index = index;
    })
}

impl NativeClass for Tee {
    const NAME: &'static str = "_tee";
    const MODULE: &'static str = "itertools";
    const DOC: Option<&'static str> = Some("Iterator wrapped to make it copyable.");

    fn define(c: &mut ClassDef<Self>) {
        let sig = c.constructor(|vm: &mut Vm, args: VarArgs| {
            let iterable = one_arg(vm, "_tee", args)?;
            tee_from(vm, &iterable)
        });
        plain_name(sig, "_tee");
        c.iter(|_vm, this| Ok(this.value()));
        c.next(tee_next);
        c.method("__copy__", tee_copy);
        c.method(
            "__reduce__",
            |vm: &mut Vm, this: Native<Tee>| -> PyResult<Value> {
                let (data, index) = this.with(vm, |t| (t.data.value(), t.index))?;
                let empty = tuple(vm, Vec::new());
                let state = tuple(vm, vec![data, Value::Int(index as i64)]);
                Ok(reduce_value(vm, &this, vec![empty], Some(state)))
            },
        );
        c.method("__setstate__", tee_setstate);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data.value());
    }
}

/// `tee(iterable, n=2)`: n iterators over the iterable's items. A
/// copyable iterator (one with `__copy__`, a tee object for one) is
/// copied; any other is wrapped in a tee object first.
fn tee(vm: &mut Vm, iterable: Value, n: OptArg<Value>) -> PyResult<Value> {
    let n = match n.into_option() {
        Some(v) => ssize(vm, &v)?,
        None => 2,
    };
    let Ok(n) = usize::try_from(n) else {
        return Err(vm.value_error("n must be >= 0"));
    };
    if n == 0 {
        return Ok(tuple(vm, Vec::new()));
    }
    check_items(vm, n, std::mem::size_of::<Value>())?;
    let it = vm.get_iter(&iterable)?;
    let k = vm.intern("__copy__");
    let (first, copy) = match vm.get_attr_opt(&it, &k)? {
        Some(f) => (it, f),
        None => {
            let t = tee_from(vm, &it)?;
            let t = vm.new_native_object(t);
            let f = vm.get_attr(&t, &k)?;
            (t, f)
        }
    };
    let mut out = Vec::new();
    vm.reserve(&mut out, n)?;
    out.push(first);
    for _ in 1..n {
        out.push(vm.call(&copy, &[])?);
    }
    Ok(tuple(vm, out))
}

/// Adds the `tee` function to the module.
pub(crate) fn define_tee_function(m: &mut ModuleDef) {
    let sig = m.function("tee", tee);
    sig.qualname = std::rc::Rc::from("itertools.tee");
}
