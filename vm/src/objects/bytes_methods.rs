//! The `bytes` and `bytearray` methods beyond the core (construction,
//! hashing, indexing and iteration live in `bytes.rs`): the str-like
//! family, `hex`/`fromhex`, `decode`, `translate`/`maketrans`, `join`, and
//! the bytearray mutators. Methods of both types return the type of
//! `self`. Each wraps an algorithm of `crate::text::bytes_ops`.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::str_methods::codec_name_arg;
use crate::text::bytes_ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The data of `self` (copied out, so that Python code run meanwhile
/// cannot invalidate it) and whether it is a bytearray.
fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    match args.this().payload() {
        Some(Payload::Bytes(b)) if !args.pos().is_empty() => Ok((b.clone(), false)),
        Some(Payload::ByteArray(b)) if !args.pos().is_empty() => Ok((b.borrow().clone(), true)),
        _ => {
            let t = vm.type_name(args.this());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// A result of `self`'s type.
fn make(vm: &mut Vm, bytearray: bool, data: Vec<u8>) -> Value {
    if bytearray {
        vm.new_bytearray(data)
    } else {
        vm.new_bytes(data)
    }
}

/// The data of a bytes-like argument.
pub(crate) fn bytes_like_opt(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.clone()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => crate::objects::memoryview::memoryview_bytes(vm, v)
            .or_else(|| vm.exported_buffer(v).map(|e| e.bytes)),
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like_opt(vm, v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn opt_bytes_like(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => bytes_like(vm, v).map(Some),
    }
}

/// A byte value 0..=255 from an int-like argument.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.to_index(v)?;
    u8::try_from(&i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// The `sub` of find/count/index: an int (one byte) or bytes-like.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like_opt(vm, v) {
        return Ok(b);
    }
    if vm.is_index(v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{t}'"
    )))
}

fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.to_index(v)?;
    i64::try_from(&i).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if !vm.is_index(v) {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            let i = vm.to_index(v)?;
            Ok(Some(crate::objects::int::clamp_i64(&i)))
        }
    }
}

fn count_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    args.no_kw(vm, name)?;
    let rest = args.pos().get(1..).unwrap_or(&[]);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if rest.len() < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({} given)",
            plural(min),
            rest.len()
        )));
    }
    if rest.len() > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({} given)",
            plural(max),
            rest.len()
        )));
    }
    Ok(rest)
}

fn list_of(vm: &mut Vm, bytearray: bool, parts: &[&[u8]]) -> Value {
    let items: Vec<Value> = parts
        .iter()
        .map(|p| make(vm, bytearray, p.to_vec()))
        .collect();
    vm.new_list(items)
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [sep, maxsplit] = args.shift().bind(vm, name, ["sep", "maxsplit"], 0)?;
    let sep = opt_bytes_like(vm, sep)?;
    let maxsplit = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let parts = if right {
        bytes_ops::rsplit(&data, sep.as_deref(), maxsplit)
    } else {
        bytes_ops::split(&data, sep.as_deref(), maxsplit)
    }
    .map_err(|e| vm.text_error(e))?;
    Ok(list_of(vm, ba, &parts))
}

fn b_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}
fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, "splitlines")?;
    let [keepends] = args.shift().bind(vm, "splitlines", ["keepends"], 0)?;
    let keep = match keepends {
        Some(v) => vm.to_index(v)? != 0,
        None => false,
    };
    let parts = bytes_ops::splitlines(&data, keep);
    Ok(list_of(vm, ba, &parts))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, which: u8) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [_, chars] = args.range::<2>(vm, name, 1, true)?;
    let chars = opt_bytes_like(vm, chars)?;
    let out = match which {
        0 => bytes_ops::strip(&data, chars.as_deref()),
        1 => bytes_ops::lstrip(&data, chars.as_deref()),
        _ => bytes_ops::rstrip(&data, chars.as_deref()),
    };
    if !ba && out.len() == data.len() {
        return Ok(args.this().clone());
    }
    Ok(make(vm, ba, out.to_vec()))
}

fn b_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", 0)
}
fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", 1)
}
fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", 2)
}

type SearchArgs = (Vec<u8>, Vec<u8>, Option<i64>, Option<i64>);

fn search_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<SearchArgs> {
    let (data, _) = this(vm, args, name)?;
    let rest = count_args(vm, args, name, 1, 3)?;
    let sub = sub_arg(vm, &rest[0])?;
    let start = slice_bound(vm, rest.get(1))?;
    let end = slice_bound(vm, rest.get(2))?;
    Ok((data, sub, start, end))
}

fn b_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, s, a, b) = search_args(vm, &args, "find")?;
    Ok(Value::Int(bytes_ops::find(&d, &s, a, b)))
}
fn b_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, s, a, b) = search_args(vm, &args, "rfind")?;
    Ok(Value::Int(bytes_ops::rfind(&d, &s, a, b)))
}
fn b_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, s, a, b) = search_args(vm, &args, "index")?;
    let i = bytes_ops::index(&d, &s, a, b).map_err(|e| vm.text_error(e))?;
    Ok(Value::Int(i as i64))
}
fn b_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, s, a, b) = search_args(vm, &args, "rindex")?;
    let i = bytes_ops::rindex(&d, &s, a, b).map_err(|e| vm.text_error(e))?;
    Ok(Value::Int(i as i64))
}
fn b_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, s, a, b) = search_args(vm, &args, "count")?;
    Ok(Value::Int(bytes_ops::count(&d, &s, a, b) as i64))
}

fn affix_impl(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult<Value> {
    let (data, _) = this(vm, &args, name)?;
    let rest = count_args(vm, &args, name, 1, 3)?;
    let start = slice_bound(vm, rest.get(1))?;
    let stop = slice_bound(vm, rest.get(2))?;
    let test = |affix: &[u8]| {
        if end {
            bytes_ops::ends_with(&data, affix, start, stop)
        } else {
            bytes_ops::starts_with(&data, affix, start, stop)
        }
    };
    let arg = &rest[0];
    if let Some(a) = bytes_like_opt(vm, arg) {
        return Ok(Value::Bool(test(&a)));
    }
    if let Some(items) = arg.as_tuple() {
        for item in items {
            let a = bytes_like(vm, item)?;
            if test(&a) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    let t = vm.type_name(arg);
    Err(vm.type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {t}"
    )))
}

fn b_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}
fn b_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

fn b_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, "replace")?;
    let [_, old, new, count] = args.range::<4>(vm, "replace", 3, true)?;
    let old = bytes_like(vm, old.unwrap_or(&Value::None))?;
    let new = bytes_like(vm, new.unwrap_or(&Value::None))?;
    let count = match count {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    if new.len() > old.len() {
        match bytes_ops::replaced_len(&data, &old, &new, count) {
            Some(n) => vm.check_alloc(n)?,
            None => return Err(vm.overflow_error("replace bytes is too long")),
        }
    }
    let out = bytes_ops::replace(&data, &old, &new, count).map_err(|e| vm.text_error(e))?;
    Ok(make(vm, ba, out))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [_, sep] = args.exact_method(vm, &format!("bytes.{name}"))?;
    let sep = bytes_like(vm, sep)?;
    let (a, b, c) = if right {
        bytes_ops::rpartition(&data, &sep)
    } else {
        bytes_ops::partition(&data, &sep)
    }
    .map_err(|e| vm.text_error(e))?;
    let items = vec![
        make(vm, ba, a.to_vec()),
        make(vm, ba, b.to_vec()),
        make(vm, ba, c.to_vec()),
    ];
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn map_impl(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [_] = args.exact_method(vm, &format!("bytes.{name}"))?;
    Ok(make(vm, ba, f(&data)))
}

fn b_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "upper", bytes_ops::upper)
}
fn b_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "lower", bytes_ops::lower)
}
fn b_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "swapcase", bytes_ops::swapcase)
}
fn b_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "title", bytes_ops::title)
}
fn b_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "capitalize", bytes_ops::capitalize)
}

fn pred_impl(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (data, _) = this(vm, &args, name)?;
    let [_] = args.exact_method(vm, &format!("bytes.{name}"))?;
    Ok(Value::Bool(f(&data)))
}

fn b_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isspace", bytes_ops::is_space_all)
}
fn b_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isalpha", bytes_ops::is_alpha)
}
fn b_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isalnum", bytes_ops::is_alnum)
}
fn b_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isdigit", bytes_ops::is_digit)
}
fn b_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isascii", bytes_ops::is_ascii)
}
fn b_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "islower", bytes_ops::is_lower)
}
fn b_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isupper", bytes_ops::is_upper)
}
fn b_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "istitle", bytes_ops::is_title)
}

fn pad_impl(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [_, width, fill] = args.range::<3>(vm, name, 2, true)?;
    let width = ssize_arg(vm, width.unwrap_or(&Value::None))?;
    let fill = match fill {
        None => b' ',
        Some(f) => match bytes_like_opt(vm, f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let t = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    let out = match name {
        "center" => bytes_ops::center(&data, width, fill),
        "ljust" => bytes_ops::ljust(&data, width, fill),
        _ => bytes_ops::rjust(&data, width, fill),
    }
    .map_err(|e| vm.text_error(e))?;
    Ok(make(vm, ba, out))
}

fn b_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "center")
}
fn b_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "ljust")
}
fn b_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "rjust")
}

fn b_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, "zfill")?;
    let [_, width] = args.exact_method(vm, "bytes.zfill")?;
    let width = ssize_arg(vm, width)?;
    let out = bytes_ops::zfill(&data, width).map_err(|e| vm.text_error(e))?;
    Ok(make(vm, ba, out))
}

fn b_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, "expandtabs")?;
    let [tabsize] = args.shift().bind(vm, "expandtabs", ["tabsize"], 0)?;
    let tabsize = match tabsize {
        Some(t) => {
            let i = vm.to_index(t)?;
            i32::try_from(&i)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?
        }
        None => 8,
    };
    let len = bytes_ops::expandtabs_len(&data, i64::from(tabsize)).map_err(|e| vm.text_error(e))?;
    vm.check_alloc(len)?;
    let out = bytes_ops::expandtabs(&data, i64::from(tabsize)).map_err(|e| vm.text_error(e))?;
    Ok(make(vm, ba, out))
}

fn affix_remove(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, name)?;
    let [_, a] = args.exact_method(vm, &format!("bytes.{name}"))?;
    let a = bytes_like(vm, a)?;
    let out = if suffix {
        data.strip_suffix(a.as_slice()).unwrap_or(&data)
    } else {
        data.strip_prefix(a.as_slice()).unwrap_or(&data)
    };
    if !ba && out.len() == data.len() {
        return Ok(args.this().clone());
    }
    Ok(make(vm, ba, out.to_vec()))
}

fn b_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", false)
}
fn b_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", true)
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "hex")?;
    vm.check_alloc(data.len().saturating_mul(2))?;
    let [sep, per] = args.shift().bind(vm, "hex", ["sep", "bytes_per_sep"], 0)?;
    let sep = match sep {
        None => None,
        Some(s) => {
            let r = if let Some(t) = s.as_str() {
                bytes_ops::hex_sep_from_str(t)
            } else if let Some(b) = bytes_like_opt(vm, s) {
                bytes_ops::hex_sep_from_bytes(&b)
            } else {
                let t = vm.type_name(s);
                return Err(vm.type_error(format!("object of type '{t}' has no len()")));
            };
            Some(r.map_err(|e| vm.text_error(e))?)
        }
    };
    let per = match per {
        Some(p) => {
            let i = vm.to_index(p)?;
            i32::try_from(&i)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?
        }
        None => 1,
    };
    let out = bytes_ops::hex(&data, sep, i64::from(per));
    Ok(vm.str_val(out))
}

fn fromhex_impl(vm: &mut Vm, args: Args, bytearray: bool) -> PyResult<Value> {
    let [cls, s] = args.exact_method(vm, "fromhex")?;
    let Some(s) = s.as_str() else {
        let t = vm.type_name(s);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
    };
    let data = bytes_ops::fromhex(s).map_err(|e| vm.text_error(e))?;
    let v = make(vm, bytearray, data);
    // A subclass gets cls(result), as in CPython.
    let exact = match cls {
        Value::Obj(c) => {
            std::rc::Rc::ptr_eq(c, &vm.types.bytes) || std::rc::Rc::ptr_eq(c, &vm.types.bytearray)
        }
        _ => true,
    };
    if exact {
        Ok(v)
    } else {
        vm.call(cls, &[v])
    }
}

fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex_impl(vm, args, false)
}
fn bytearray_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex_impl(vm, args, true)
}

fn b_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "decode")?;
    let [enc, errors] = args.shift().bind(vm, "decode", ["encoding", "errors"], 0)?;
    let enc = codec_name_arg(vm, enc, "decode", "encoding", "utf-8")?;
    let errors = codec_name_arg(vm, errors, "decode", "errors", "strict")?;
    let s = vm.decode_bytes(&data, &enc, &errors)?;
    Ok(vm.str_val(s))
}

fn b_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, ba) = this(vm, &args, "translate")?;
    let [table, delete] = args.shift().bind(vm, "translate", ["table", "delete"], 1)?;
    let table = opt_bytes_like(vm, table)?;
    let delete = opt_bytes_like(vm, delete)?.unwrap_or_default();
    let out =
        bytes_ops::translate(&data, table.as_deref(), &delete).map_err(|e| vm.text_error(e))?;
    Ok(make(vm, ba, out))
}

fn b_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [frm, to] = args.exact(vm, "maketrans")?;
    let frm = bytes_like(vm, frm)?;
    let to = bytes_like(vm, to)?;
    let table = bytes_ops::maketrans(&frm, &to).map_err(|e| vm.text_error(e))?;
    Ok(vm.new_bytes(table))
}

fn b_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, ba) = this(vm, &args, "join")?;
    let [_, iterable] = args.exact_method(vm, "bytes.join")?;
    let items = vm.iterate(iterable)?;
    // The size first (checked before anything is copied).
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for it in &items {
        total = total.saturating_add(match it.payload() {
            Some(Payload::Bytes(b)) => b.len(),
            Some(Payload::ByteArray(b)) => b.borrow().len(),
            _ => 0,
        });
    }
    vm.check_alloc(total)?;
    let mut out = Vec::new();
    vm.reserve(&mut out, total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_like_opt(vm, it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let t = vm.type_name(it);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
            }
        }
    }
    Ok(make(vm, ba, out))
}

/// The bytearray of `self` for the mutators.
fn cell<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<u8>>> {
    match args.this().payload() {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => {
            let t = vm.type_name(args.this());
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "insert")?;
    let [_, index, item] = args.range::<3>(vm, "insert", 3, true)?;
    let index = ssize_arg(vm, index.unwrap_or(&Value::None))?;
    let byte = byte_value(vm, item.unwrap_or(&Value::None))?;
    let mut b = c.borrow_mut();
    let len = b.len() as i64;
    let at = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    };
    b.insert(at as usize, byte);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "pop")?;
    let [_, index] = args.range::<2>(vm, "pop", 1, true)?;
    let index = match index {
        Some(i) => ssize_arg(vm, i)?,
        None => -1,
    };
    let len = c.borrow().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let at = if index < 0 { index + len } else { index };
    if !(0..len).contains(&at) {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = c.borrow_mut().remove(at as usize);
    Ok(Value::Int(i64::from(v)))
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "remove")?;
    let [_, value] = args.exact_method(vm, "bytearray.remove")?;
    let byte = byte_value(vm, value)?;
    let pos = c.borrow().iter().position(|&x| x == byte);
    match pos {
        Some(i) => {
            c.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "clear")?;
    let [_] = args.exact_method(vm, "bytearray.clear")?;
    c.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "reverse")?;
    let [_] = args.exact_method(vm, "bytearray.reverse")?;
    c.borrow_mut().reverse();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "copy")?;
    let [_] = args.exact_method(vm, "bytearray.copy")?;
    let data = c.borrow().clone();
    Ok(vm.new_bytearray(data))
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "append")?;
    let [_, item] = args.exact_method(vm, "bytearray.append")?;
    let byte = byte_value(vm, item)?;
    crate::heap_stats::push_charged(&mut c.borrow_mut(), byte);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "extend")?;
    let [_, src] = args.exact_method(vm, "bytearray.extend")?;
    let data = match bytes_like_opt(vm, src) {
        Some(b) => b,
        None => {
            let items = match vm.iterate(src) {
                Ok(items) => items,
                Err(e) => {
                    let type_error = vm.exc.type_error.clone();
                    if vm.err_matches(&e, &type_error) && !iterable_hint(vm, src) {
                        let t = vm.type_name(src);
                        return Err(vm.type_error(format!("can't extend bytearray with {t}")));
                    }
                    return Err(e);
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(byte_value(vm, it)?);
            }
            out
        }
    };
    crate::heap_stats::extend_charged(&mut c.borrow_mut(), data);
    Ok(Value::None)
}

/// Whether `v` looks iterable (has `__iter__` or `__getitem__`), to tell
/// "not iterable" apart from errors raised while iterating.
fn iterable_hint(vm: &mut Vm, v: &Value) -> bool {
    let it = vm.intern("__iter__");
    let gi = vm.names.__getitem__.clone();
    vm.lookup_special(v, &it).is_some() || vm.lookup_special(v, &gi).is_some()
}

fn ba_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "__iadd__")?;
    let [this, other] = args.exact_method(vm, "bytearray.__iadd__")?;
    let Some(data) = bytes_like_opt(vm, other) else {
        let t = vm.type_name(other);
        return Err(vm.type_error(format!("can't concat {t} to bytearray")));
    };
    crate::heap_stats::extend_charged(&mut c.borrow_mut(), data);
    Ok(this.clone())
}

fn ba_imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "__imul__")?;
    let [this, n] = args.exact_method(vm, "bytearray.__imul__")?;
    let n = crate::objects::int::clamp_i64(&vm.to_index(n)?);
    let data = c.borrow().clone();
    let times = usize::try_from(n).unwrap_or(0);
    let total = data
        .len()
        .checked_mul(times)
        .ok_or_else(|| vm.memory_error())?;
    let mut out = Vec::new();
    vm.reserve(&mut out, total)?;
    for _ in 0..times {
        out.extend_from_slice(&data);
    }
    *c.borrow_mut() = out;
    Ok(this.clone())
}

fn ba_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "__delitem__")?;
    let [_, idx] = args.exact_method(vm, "bytearray.__delitem__")?;
    if let Some(Payload::Slice { .. }) = idx.payload() {
        let r = vm.resolve_slice(idx, c)?;
        let doomed: std::collections::HashSet<usize> = r.indices().collect();
        let mut b = c.borrow_mut();
        let kept: Vec<u8> = b
            .iter()
            .enumerate()
            .filter(|(i, _)| !doomed.contains(i))
            .map(|(_, &x)| x)
            .collect();
        *b = kept;
        return Ok(Value::None);
    }
    if !vm.is_index(idx) {
        let t = vm.type_name(idx);
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {t}"
        )));
    }
    match vm.seq_index(idx, c)? {
        Some(i) => {
            c.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

/// `x in b`: a byte value or a bytes-like substring.
fn b_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = this(vm, &args, "__contains__")?;
    let [_, x] = args.exact_method(vm, "bytes.__contains__")?;
    let sub = match bytes_like_opt(vm, x) {
        Some(b) => b,
        None if vm.is_index(x) => vec![byte_value(vm, x)?],
        None => {
            let t = vm.type_name(x);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
        }
    };
    Ok(Value::Bool(bytes_ops::find(&data, &sub, None, None) >= 0))
}

/// `repr()` of a bytearray (or subclass: its name around the bytes).
fn ba_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = cell(vm, &args, "__repr__")?;
    let data = c.borrow().clone();
    let inner = bytes_ops::repr_bytearray(&data);
    let name = vm.type_name(args.this());
    let text = if name == "bytearray" {
        inner
    } else {
        // repr_bytearray gives "bytearray(...)": keep the parenthesised part.
        format!(
            "{name}{}",
            inner.strip_prefix("bytearray").unwrap_or(&inner)
        )
    };
    Ok(vm.str_val(text))
}

/// Registers the methods of this file on `bytes` and `bytearray`.
pub fn init(vm: &mut Vm) {
    let shared: &[(&str, crate::native::NativeFn)] = &[
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("replace", b_replace),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("capitalize", b_capitalize),
        ("isspace", b_isspace),
        ("isalpha", b_isalpha),
        ("isalnum", b_isalnum),
        ("isdigit", b_isdigit),
        ("isascii", b_isascii),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("hex", b_hex),
        ("decode", b_decode),
        ("translate", b_translate),
        ("join", b_join),
        ("__contains__", b_contains),
    ];
    let b = vm.types.bytes.clone();
    let ba = vm.types.bytearray.clone();
    vm.add_methods(&b, shared);
    vm.add_methods(&ba, shared);
    vm.add_classmethod(&b, "fromhex", bytes_fromhex);
    vm.add_classmethod(&ba, "fromhex", bytearray_fromhex);
    vm.add_static(&b, "maketrans", b_maketrans);
    vm.add_static(&ba, "maketrans", b_maketrans);
    vm.add_methods(
        &ba,
        &[
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("reverse", ba_reverse),
            ("copy", ba_copy),
            ("append", ba_append),
            ("extend", ba_extend),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
            ("__delitem__", ba_delitem),
            ("__repr__", ba_repr),
            ("__str__", ba_repr),
        ],
    );
}
