//! `memoryview` over bytes and bytearray (format `'B'`, one dimension):
//! indexing, slicing (views share the underlying object), writing through
//! to a bytearray, `tobytes`/`tolist`/`hex`, comparison, `release` and use
//! as a context manager.

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The view: which bytes of `obj` it shows.
struct MemView {
    obj: Value,
    start: usize,
    step: i64,
    len: usize,
    released: bool,
}

impl MemView {
    fn index(&self, i: usize) -> usize {
        (self.start as i64 + i as i64 * self.step) as usize
    }
}

/// A copy of the bytes of the underlying object.
fn base_data(obj: &Value) -> Vec<u8> {
    match obj.payload() {
        Some(Payload::Bytes(b)) => b.clone(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    }
}

/// The fields of a view, or the errors CPython raises.
fn view(vm: &mut Vm, v: &Value) -> PyResult<(Value, usize, i64, usize)> {
    let info = v.as_obj().and_then(|o| {
        o.native_data::<MemView>()
            .map(|m| (m.obj.clone(), m.start, m.step, m.len, m.released))
    });
    match info {
        Some((_, _, _, _, true)) => {
            Err(vm.value_error("operation forbidden on released memoryview object"))
        }
        Some((obj, start, step, len, false)) => Ok((obj, start, step, len)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor for 'memoryview' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// The bytes a view shows.
fn view_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let (obj, start, step, len) = view(vm, v)?;
    let data = base_data(&obj);
    let mv = MemView {
        obj,
        start,
        step,
        len,
        released: false,
    };
    Ok((0..len)
        .filter_map(|i| data.get(mv.index(i)).copied())
        .collect())
}

/// The bytes of a memoryview value, if `v` is one (for bytes-like
/// arguments elsewhere).
pub fn memoryview_bytes(v: &Value) -> Option<Vec<u8>> {
    let o = v.as_obj()?;
    let m = o.native_data::<MemView>()?;
    if m.released {
        return None;
    }
    let data = base_data(&m.obj);
    Some(
        (0..m.len)
            .filter_map(|i| data.get(m.index(i)).copied())
            .collect(),
    )
}

fn new_view(vm: &mut Vm, cls: &crate::value::PyRef, mv: MemView) -> Value {
    Value::Obj(vm.alloc(cls.clone(), Payload::NativeData(RefCell::new(Box::new(mv)))))
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, obj] = args.bind(vm, "memoryview", ["cls", "object"], 2)?;
    let (Some(Value::Obj(cls)), Some(obj)) = (cls, obj) else {
        return Err(vm.type_error("memoryview.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let mv = match obj.payload() {
        Some(Payload::Bytes(b)) => MemView {
            obj: obj.clone(),
            start: 0,
            step: 1,
            len: b.len(),
            released: false,
        },
        Some(Payload::ByteArray(b)) => MemView {
            obj: obj.clone(),
            start: 0,
            step: 1,
            len: b.borrow().len(),
            released: false,
        },
        _ => match view(vm, obj) {
            Ok((base, start, step, len)) => MemView {
                obj: base,
                start,
                step,
                len,
                released: false,
            },
            Err(_) => {
                let t = vm.type_name(obj);
                return Err(vm.type_error(format!(
                    "memoryview: a bytes-like object is required, not '{t}'"
                )));
            }
        },
    };
    Ok(new_view(vm, &cls, mv))
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, _, len) = view(vm, args.this())?;
    Ok(Value::Int(len as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "memoryview.__getitem__")?;
    let (obj, start, step, len) = view(vm, this)?;
    if let Some(Payload::Slice { .. }) = key.payload() {
        let r = vm.resolve_slice(key, len)?;
        let sub = MemView {
            obj,
            start: (start as i64 + r.start.max(0) * step) as usize,
            step: step * r.step,
            len: r.len,
            released: false,
        };
        let cls = vm.class_of(this);
        return Ok(new_view(vm, &cls, sub));
    }
    if !vm.is_index(key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let Some(i) = vm.seq_index(key, len)? else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let at = (start as i64 + i as i64 * step) as usize;
    match base_data(&obj).get(at) {
        Some(&b) => Ok(Value::Int(i64::from(b))),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, value] = args.exact_method(vm, "memoryview.__setitem__")?;
    let (obj, start, step, len) = view(vm, this)?;
    let Some(Payload::ByteArray(cell)) = obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let pos = |i: usize| (start as i64 + i as i64 * step) as usize;
    if let Some(Payload::Slice { .. }) = key.payload() {
        let r = vm.resolve_slice(key, len)?;
        let src = match value.payload() {
            Some(Payload::Bytes(b)) => b.clone(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => match memoryview_bytes(value) {
                Some(b) => b,
                None => {
                    let t = vm.type_name(value);
                    return Err(
                        vm.type_error(format!("a bytes-like object is required, not '{t}'"))
                    );
                }
            },
        };
        if src.len() != r.len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut data = cell.borrow_mut();
        for (k, b) in r.indices().zip(src) {
            if let Some(slot) = data.get_mut(pos(k)) {
                *slot = b;
            }
        }
        return Ok(Value::None);
    }
    if !vm.is_index(key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let Some(i) = vm.seq_index(key, len)? else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let byte = match crate::objects::int::to_integer(value).and_then(|n| u8::try_from(&n).ok()) {
        Some(b) => b,
        None => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    if let Some(slot) = cell.borrow_mut().get_mut(pos(i)) {
        *slot = byte;
    }
    Ok(Value::None)
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = view_bytes(vm, args.this())?;
    Ok(vm.new_bytes(data))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = view_bytes(vm, args.this())?;
    let items = data.into_iter().map(|b| Value::Int(i64::from(b))).collect();
    Ok(vm.new_list(items))
}

fn mv_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let list = mv_tolist(vm, args)?;
    vm.call_method(&list, "__iter__", &[])
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = view_bytes(vm, args.this())?;
    Ok(vm.str_val(crate::text::bytes_ops::hex(&data, None, 1)))
}

fn mv_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "memoryview.__eq__")?;
    if this.is(other) {
        return Ok(Value::Bool(true));
    }
    let mine = match view_bytes(vm, this) {
        Ok(d) => d,
        Err(_) => return Ok(Value::Bool(false)),
    };
    let theirs = match other.payload() {
        Some(Payload::Bytes(b)) => Some(b.clone()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => memoryview_bytes(other),
    };
    match theirs {
        Some(t) => Ok(Value::Bool(mine == t)),
        None => Ok(vm.not_implemented()),
    }
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (obj, ..) = view(vm, args.this())?;
    if !matches!(obj.payload(), Some(Payload::Bytes(_))) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let data = view_bytes(vm, args.this())?;
    let b = vm.new_bytes(data);
    Ok(Value::Int(vm.hash(&b)?))
}

fn mv_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this();
    let released = this
        .as_obj()
        .and_then(|o| o.native_data::<MemView>().map(|m| m.released))
        .unwrap_or(false);
    let what = if released {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.str_val(format!("<{what} at {:#x}>", this.id())))
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(o) = args.this().as_obj() {
        if let Some(mut m) = o.native_data::<MemView>() {
            m.released = true;
        }
    }
    let _ = vm;
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, args.this())?;
    Ok(args.this().clone())
}

fn mv_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mv_release(vm, args)
}

fn mv_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(view(vm, v)?.0)
}
fn mv_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(view(vm, v)?.3 as i64))
}
fn mv_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (obj, ..) = view(vm, v)?;
    Ok(Value::Bool(!matches!(
        obj.payload(),
        Some(Payload::ByteArray(_))
    )))
}
fn mv_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    view(vm, v)?;
    Ok(Value::Int(1))
}
fn mv_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    view(vm, v)?;
    Ok(Value::Int(1))
}
fn mv_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    view(vm, v)?;
    Ok(vm.str_val("B"))
}

/// Creates the `memoryview` type and puts it in `builtins`.
pub fn init(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let t = vm.new_native_type("builtins", "memoryview", Some(&object));
    vm.add_static(&t, "__new__", mv_new);
    vm.add_methods(
        &t,
        &[
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__iter__", mv_iter),
            ("__eq__", mv_eq),
            ("__hash__", mv_hash),
            ("__repr__", mv_repr),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
        ],
    );
    for (name, getter) in [
        ("obj", mv_obj as crate::objects::descriptor::Getter),
        ("nbytes", mv_nbytes),
        ("readonly", mv_readonly),
        ("itemsize", mv_itemsize),
        ("ndim", mv_ndim),
        ("format", mv_format),
    ] {
        vm.add_getset(&t, name, getter, None);
    }
    let builtins = vm.builtins.clone();
    vm.module_set(&builtins, "memoryview", Value::Obj(t));
}

/// Whether `v` is a memoryview (a sequence for `match` patterns).
pub fn is_memoryview(v: &Value) -> bool {
    v.as_obj()
        .is_some_and(|o| o.native_data::<MemView>().is_some())
}
