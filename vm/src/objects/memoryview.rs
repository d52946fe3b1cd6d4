//! `memoryview`: a view of the buffer of bytes, bytearray or a native type
//! that exports one (`array.array`), with a struct format and a shape:
//! indexing and slicing (views share the underlying object), `cast` to
//! other formats and shapes, writing through to a bytearray,
//! `tobytes`/`tolist`/`hex`, comparison, `release` and use as a context
//! manager. Item formats are native-endian, as CPython's `@` formats.

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The view: which items of `obj`'s buffer it shows, and how to read them.
#[derive(Clone)]
pub(crate) struct MemView {
    obj: Value,
    /// Byte offset of the first item.
    start: usize,
    /// Distance between consecutive items, in items (1-D views only;
    /// multi-dimensional views come from `cast` and are contiguous).
    step: i64,
    /// Number of items (the product of `shape`).
    len: usize,
    format: String,
    itemsize: usize,
    shape: Vec<usize>,
    readonly: bool,
    released: bool,
}

/// The bytes of the buffer a memoryview payload shows (for the memory
/// limit: the object viewed may be reachable only through the view).
pub(crate) fn viewed_size(data: &RefCell<Box<dyn std::any::Any>>) -> usize {
    let Ok(d) = data.try_borrow() else {
        return 0;
    };
    let Some(m) = d.downcast_ref::<MemView>() else {
        return 0;
    };
    match m.obj.payload() {
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.try_borrow().map_or(0, |b| b.capacity()),
        Some(Payload::Native(n)) => n.heap_size(),
        _ => 0,
    }
}

impl MemView {
    /// Byte offset of item `i` (in the flattened, C order).
    fn offset(&self, i: usize) -> usize {
        (self.start as i64 + i as i64 * self.step * self.itemsize as i64) as usize
    }

    /// CPython's flag for 1-D views: one item, or a step of one item (an
    /// empty strided view is not contiguous).
    fn contiguous(&self) -> bool {
        self.step == 1 || self.len == 1 || self.shape.is_empty()
    }

    /// A 1-D byte view of the whole of a buffer.
    fn of_bytes(obj: Value, len: usize, readonly: bool) -> MemView {
        MemView {
            obj,
            start: 0,
            step: 1,
            len,
            format: "B".into(),
            itemsize: 1,
            shape: vec![len],
            readonly,
            released: false,
        }
    }
}

/// Runs `f` on the buffer of the underlying object: bytes and bytearray
/// in place, a native exporter's buffer as the copy it exports.
fn with_base<R>(vm: &Vm, obj: &Value, f: impl FnOnce(&[u8]) -> R) -> R {
    match obj.payload() {
        Some(Payload::Bytes(b)) => f(b),
        Some(Payload::ByteArray(b)) => f(&b.borrow()),
        _ => f(&vm.exported_buffer(obj).map(|e| e.bytes).unwrap_or_default()),
    }
}

/// The view's state, or the errors CPython raises.
fn view(vm: &mut Vm, v: &Value) -> PyResult<MemView> {
    let info = v
        .as_obj()
        .and_then(|o| o.native_data::<MemView>().map(|m| m.clone()));
    match info {
        Some(m) if m.released => {
            Err(vm.value_error("operation forbidden on released memoryview object"))
        }
        Some(m) => Ok(m),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor for 'memoryview' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// The bytes a view shows, item after item.
fn bytes_of(vm: &Vm, m: &MemView) -> Vec<u8> {
    with_base(vm, &m.obj, |data| {
        let mut out = Vec::with_capacity(m.len * m.itemsize);
        for i in 0..m.len {
            let at = m.offset(i);
            if let Some(item) = data.get(at..at + m.itemsize) {
                out.extend_from_slice(item);
            }
        }
        out
    })
}

fn view_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let m = view(vm, v)?;
    Ok(bytes_of(vm, &m))
}

/// The bytes of a memoryview value, if `v` is one (for bytes-like
/// arguments elsewhere).
pub fn memoryview_bytes(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    let m = v.as_obj()?.native_data::<MemView>()?.clone();
    if m.released {
        return None;
    }
    Some(bytes_of(vm, &m))
}

/// The bytes a memoryview shows and whether they are C-contiguous; `None`
/// if `v` is not a memoryview, a ValueError if it was released. For
/// `Vm::buffer`.
pub fn memoryview_buffer(vm: &mut Vm, v: &Value) -> Option<PyResult<(Vec<u8>, bool)>> {
    v.as_obj()?.native_data::<MemView>()?;
    Some(view(vm, v).map(|m| (bytes_of(vm, &m), m.contiguous())))
}

fn new_view(vm: &mut Vm, cls: &crate::value::PyRef, mv: MemView) -> Value {
    Value::Obj(vm.alloc(cls.clone(), Payload::NativeData(RefCell::new(Box::new(mv)))))
}

/// The size of an item of a native struct format, if rpy supports it.
fn format_size(format: &str) -> Option<usize> {
    let f = format.strip_prefix('@').unwrap_or(format);
    Some(match f {
        "b" | "B" | "c" | "?" => 1,
        "h" | "H" | "e" => 2,
        "i" | "I" | "f" | "w" => 4,
        "l" | "L" | "q" | "Q" | "n" | "N" | "d" | "P" => 8,
        _ => return None,
    })
}

/// Decodes one item of `format` from its native-endian bytes (also how
/// `array.array` reads its items).
pub fn decode_item(vm: &mut Vm, format: &str, raw: &[u8]) -> PyResult<Value> {
    let f = format.strip_prefix('@').unwrap_or(format);
    let mut le = raw.to_vec();
    if cfg!(target_endian = "big") {
        le.reverse();
    }
    let signed = matches!(f, "b" | "h" | "i" | "l" | "q" | "n");
    Ok(match f {
        "c" => vm.new_bytes(raw.to_vec()),
        "?" => Value::Bool(raw.iter().any(|&b| b != 0)),
        "f" => {
            let mut b = [0u8; 4];
            b.copy_from_slice(raw);
            Value::Float(f64::from(f32::from_ne_bytes(b)))
        }
        "d" => {
            let mut b = [0u8; 8];
            b.copy_from_slice(raw);
            Value::Float(f64::from_ne_bytes(b))
        }
        "w" => {
            let mut b = [0u8; 4];
            b.copy_from_slice(raw);
            let c = char::from_u32(u32::from_ne_bytes(b)).unwrap_or('\u{fffd}');
            vm.str_val(c.to_string())
        }
        "e" => return Err(vm.not_implemented_error("memoryview: format e not supported by rpy")),
        _ => {
            let negative = signed && le.last().is_some_and(|b| b & 0x80 != 0);
            let mut wide = [if negative { 0xff } else { 0 }; 16];
            wide[..le.len()].copy_from_slice(&le);
            let n = i128::from_le_bytes(wide);
            match i64::try_from(n) {
                Ok(n) => Value::Int(n),
                Err(_) => vm.new_int(malachite::Integer::from(n)),
            }
        }
    })
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, obj] = args.bind(vm, "memoryview", ["cls", "object"], 2)?;
    let (Some(Value::Obj(cls)), Some(obj)) = (cls, obj) else {
        return Err(vm.type_error("memoryview.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let mv = match obj.payload() {
        Some(Payload::Bytes(b)) => MemView::of_bytes(obj.clone(), b.len(), true),
        Some(Payload::ByteArray(b)) => {
            let n = b.borrow().len();
            MemView::of_bytes(obj.clone(), n, false)
        }
        _ => match obj
            .as_obj()
            .and_then(|o| o.native_data::<MemView>().map(|m| m.clone()))
        {
            Some(m) => {
                let mut m = view(vm, obj).map(|_| m)?;
                m.released = false;
                m
            }
            None => match vm.exported_buffer(obj) {
                Some(e) => {
                    let itemsize = e.itemsize.max(1);
                    let len = e.bytes.len() / itemsize;
                    MemView {
                        obj: obj.clone(),
                        start: 0,
                        step: 1,
                        len,
                        format: e.format,
                        itemsize,
                        shape: vec![len],
                        readonly: false,
                        released: false,
                    }
                }
                None => {
                    let t = vm.type_name(obj);
                    return Err(vm.type_error(format!(
                        "memoryview: a bytes-like object is required, not '{t}'"
                    )));
                }
            },
        },
    };
    Ok(new_view(vm, &cls, mv))
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, args.this())?;
    match m.shape.first() {
        Some(&n) => Ok(Value::Int(n as i64)),
        None => Err(vm.type_error("0-dim memory has no length")),
    }
}

/// Item index `key` of a 1-D view, with CPython's errors for others.
fn item_index(vm: &mut Vm, m: &MemView, key: &Value) -> PyResult<usize> {
    match m.shape.len() {
        0 => return Err(vm.type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => {
            return Err(vm.not_implemented_error("multi-dimensional sub-views are not implemented"))
        }
    }
    if !vm.is_index(key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    match vm.seq_index(key, m.len)? {
        Some(i) => Ok(i),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key] = args.exact_method(vm, "memoryview.__getitem__")?;
    let m = view(vm, this)?;
    if let Some(Payload::Slice { .. }) = key.payload() {
        if m.shape.len() != 1 {
            return Err(vm.not_implemented_error("multi-dimensional slicing is not implemented"));
        }
        let r = vm.resolve_slice(key, m.len)?;
        let mut sub = m.clone();
        sub.start = (m.start as i64 + r.start.max(0) * m.step * m.itemsize as i64) as usize;
        sub.step = m.step * r.step;
        sub.len = r.len;
        sub.shape = vec![r.len];
        let cls = vm.class_of(this);
        return Ok(new_view(vm, &cls, sub));
    }
    let i = item_index(vm, &m, key)?;
    let at = m.offset(i);
    // Only the item is copied, not the whole buffer.
    match with_base(vm, &m.obj, |data| {
        data.get(at..at + m.itemsize).map(<[u8]>::to_vec)
    }) {
        Some(raw) => decode_item(vm, &m.format, &raw),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, key, value] = args.exact_method(vm, "memoryview.__setitem__")?;
    let m = view(vm, this)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(Payload::ByteArray(cell)) = m.obj.payload() else {
        return Err(vm.not_implemented_error(format!(
            "writing through a memoryview of '{}' is not supported by rpy",
            vm.type_name(&m.obj)
        )));
    };
    if m.itemsize != 1 || m.format != "B" {
        return Err(vm.not_implemented_error(format!(
            "memoryview: assignment to format '{}' is not supported by rpy",
            m.format
        )));
    }
    if let Some(Payload::Slice { .. }) = key.payload() {
        let r = vm.resolve_slice(key, m.len)?;
        let src = match vm.buffer(value)? {
            Some(b) => b.bytes,
            None => {
                let t = vm.type_name(value);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
            }
        };
        if src.len() != r.len {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut data = cell.borrow_mut();
        for (k, b) in r.indices().zip(src) {
            if let Some(slot) = data.get_mut(m.offset(k)) {
                *slot = b;
            }
        }
        return Ok(Value::None);
    }
    let i = item_index(vm, &m, key)?;
    let byte = match crate::objects::int::to_integer(value).and_then(|n| u8::try_from(&n).ok()) {
        Some(b) => b,
        None => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    if let Some(slot) = cell.borrow_mut().get_mut(m.offset(i)) {
        *slot = byte;
    }
    Ok(Value::None)
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _order] = args.bind(vm, "tobytes", ["self", "order"], 1)?;
    let data = view_bytes(vm, this.unwrap_or(&Value::None))?;
    Ok(vm.new_bytes(data))
}

/// The items of a view as (nested) lists, following its shape.
fn to_list(vm: &mut Vm, m: &MemView) -> PyResult<Value> {
    let bytes = bytes_of(vm, m);
    let mut items = Vec::with_capacity(m.len);
    for raw in bytes.chunks_exact(m.itemsize.max(1)) {
        items.push(decode_item(vm, &m.format, raw)?);
    }
    if m.shape.is_empty() {
        return Ok(items.into_iter().next().unwrap_or(Value::None));
    }
    // Group the flat items by the innermost dimension first.
    for &dim in m.shape.iter().skip(1).rev() {
        let mut grouped = Vec::new();
        let mut rest = items.into_iter().peekable();
        while rest.peek().is_some() {
            let chunk: Vec<Value> = rest.by_ref().take(dim.max(1)).collect();
            grouped.push(vm.new_list(chunk));
        }
        items = grouped;
    }
    Ok(vm.new_list(items))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, args.this())?;
    to_list(vm, &m)
}

fn mv_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, args.this())?;
    if m.shape.is_empty() {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if m.shape.len() > 1 {
        return Err(vm.not_implemented_error("multi-dimensional sub-views are not implemented"));
    }
    let list = to_list(vm, &m)?;
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
    let Ok(mine) = view(vm, this) else {
        return Ok(Value::Bool(false));
    };
    let theirs = match other
        .as_obj()
        .and_then(|o| o.native_data::<MemView>().map(|m| m.clone()))
    {
        Some(m) if m.released => return Ok(Value::Bool(false)),
        Some(m) => m,
        None => match vm.buffer(other)? {
            Some(b) => {
                let n = b.bytes.len();
                let obj = vm.new_bytes(b.bytes);
                MemView::of_bytes(obj, n, true)
            }
            None => return Ok(vm.not_implemented()),
        },
    };
    if mine.shape != theirs.shape {
        return Ok(Value::Bool(false));
    }
    if mine.format == theirs.format {
        return Ok(Value::Bool(bytes_of(vm, &mine) == bytes_of(vm, &theirs)));
    }
    // Different formats compare item by item, as values.
    let a = to_list(vm, &mine)?;
    let b = to_list(vm, &theirs)?;
    Ok(Value::Bool(vm.eq(&a, &b)?))
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = view(vm, args.this())?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format.as_str(), "B" | "b" | "c") {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = vm.new_bytes(bytes_of(vm, &m));
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

/// `cast(format, shape=None)`: the same bytes seen as another format
/// and/or shape, with CPython's restrictions.
fn mv_cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, format, shape] = args.bind(vm, "cast", ["self", "format", "shape"], 2)?;
    let this = this.cloned().unwrap_or(Value::None);
    let m = view(vm, &this)?;
    let Some(fmt) = format.and_then(|f| f.as_str()).map(str::to_owned) else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    if !m.contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let Some(itemsize) = format_size(&fmt).filter(|_| fmt != "P" && fmt != "w") else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let fmt = fmt.trim_start_matches('@').to_owned();
    let byte_format = |f: &str| matches!(f, "B" | "b" | "c");
    if !byte_format(&m.format) && !byte_format(&fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize;
    let new_shape = match shape {
        None | Some(Value::None) => {
            if nbytes % itemsize != 0 {
                return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / itemsize]
        }
        Some(s) => {
            if !matches!(s.payload(), Some(Payload::List(_) | Payload::Tuple(_))) {
                return Err(vm.type_error("shape must be a list or a tuple"));
            }
            let dims = vm.iterate(s)?;
            if m.shape.len() != 1 && !dims.is_empty() && dims.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            if dims.len() > 64 {
                return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
            }
            let mut out = Vec::with_capacity(dims.len());
            for d in &dims {
                let n = if vm.is_index(d) { vm.to_i64(d)? } else { 0 };
                if n <= 0 {
                    return Err(
                        vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                    );
                }
                out.push(n as usize);
            }
            let product = out.iter().try_fold(itemsize, |acc, &d| acc.checked_mul(d));
            if product != Some(nbytes) {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            out
        }
    };
    let mut cast = m.clone();
    cast.len = new_shape.iter().product();
    cast.step = 1;
    cast.format = fmt;
    cast.itemsize = itemsize;
    cast.shape = new_shape;
    let cls = vm.class_of(&this);
    Ok(new_view(vm, &cls, cast))
}

fn mv_toreadonly(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "toreadonly")?;
    let mut m = view(vm, this)?;
    m.readonly = true;
    let cls = vm.class_of(this);
    Ok(new_view(vm, &cls, m))
}

fn mv_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(view(vm, v)?.obj)
}
fn mv_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    Ok(Value::Int((m.len * m.itemsize) as i64))
}
fn mv_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, v)?.readonly))
}
fn mv_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(view(vm, v)?.itemsize as i64))
}
fn mv_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(view(vm, v)?.shape.len() as i64))
}
fn mv_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    Ok(vm.str_val(m.format))
}
fn mv_shape(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    let dims = m.shape.iter().map(|&d| Value::Int(d as i64)).collect();
    Ok(vm.new_tuple(dims))
}
fn mv_strides(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    let mut strides = vec![0i64; m.shape.len()];
    let mut stride = m.itemsize as i64 * m.step;
    for (k, &d) in m.shape.iter().enumerate().rev() {
        strides[k] = stride;
        stride *= d as i64;
    }
    let items = strides.into_iter().map(Value::Int).collect();
    Ok(vm.new_tuple(items))
}
fn mv_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, v)?.contiguous()))
}
fn mv_f_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = view(vm, v)?;
    Ok(Value::Bool(
        m.contiguous() && m.shape.iter().filter(|&&d| d > 1).count() <= 1,
    ))
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
            ("cast", mv_cast),
            ("toreadonly", mv_toreadonly),
        ],
    );
    for (name, getter) in [
        ("obj", mv_obj as crate::objects::descriptor::Getter),
        ("nbytes", mv_nbytes),
        ("readonly", mv_readonly),
        ("itemsize", mv_itemsize),
        ("ndim", mv_ndim),
        ("format", mv_format),
        ("shape", mv_shape),
        ("strides", mv_strides),
        ("contiguous", mv_contiguous),
        ("c_contiguous", mv_contiguous),
        ("f_contiguous", mv_f_contiguous),
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
