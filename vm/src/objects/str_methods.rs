//! The `str` methods beyond the core (construction, hashing, indexing,
//! iteration live in `str.rs`): splitting, stripping, searching, case,
//! padding, predicates, `encode`, `translate`/`maketrans`, `format_map`.
//! Each wraps an algorithm of `crate::text` and checks its arguments with
//! CPython's messages.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::int::to_integer;
use crate::objects::str::PyStr;
use crate::text::str_ops::{self, Text, Translation};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `self` of a str method, with CPython's descriptor messages.
fn this<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    if args.pos().is_empty() {
        return Err(vm.type_error(format!("unbound method str.{name}() needs an argument")));
    }
    match args.this() {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Ok(s),
            _ => Err(not_str_self(vm, args.this(), name)),
        },
        v => Err(not_str_self(vm, v, name)),
    }
}

fn not_str_self(vm: &mut Vm, v: &Value, name: &str) -> crate::vm::PyErr {
    let t = vm.type_name(v);
    vm.type_error(format!(
        "descriptor '{name}' for 'str' objects doesn't apply to a '{t}' object"
    ))
}

fn text(s: &PyStr) -> Text<'_> {
    Text::with_len(s.as_str(), s.char_len())
}

/// An argument that must be a str: "must be str, not int".
fn str_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("must be str, not {t}")))
        }
    }
}

/// A str-or-None argument (`sep` of split).
fn opt_str_arg<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s)),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!("must be str or None, not {t}")))
            }
        },
    }
}

/// An index argument converted like CPython's `Py_ssize_t` parameters.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.to_index(v)?;
    i64::try_from(&i).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// A `start`/`end` argument: None or anything with `__index__`, big
/// values clamped (CPython's `_PyEval_SliceIndex`).
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

/// Old-style argument counts: "find() takes at least 1 argument (0
/// given)", "find() takes at most 3 arguments (4 given)".
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

fn new_list_of_strs(vm: &mut Vm, parts: &[&str]) -> Value {
    let items: Vec<Value> = parts.iter().map(|p| vm.str_val(*p)).collect();
    vm.new_list(items)
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let [sep, maxsplit] = args.shift().bind(vm, name, ["sep", "maxsplit"], 0)?;
    let sep = opt_str_arg(vm, sep)?;
    let maxsplit = match maxsplit {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    let parts = if right {
        str_ops::rsplit(s.as_str(), sep, maxsplit)
    } else {
        str_ops::split(s.as_str(), sep, maxsplit)
    }
    .map_err(|e| vm.text_error(e))?;
    Ok(new_list_of_strs(vm, &parts))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "splitlines")?;
    let [keepends] = args.shift().bind(vm, "splitlines", ["keepends"], 0)?;
    let keep = match keepends {
        Some(v) => vm.to_index(v)? != 0,
        None => false,
    };
    let parts = str_ops::splitlines(s.as_str(), keep);
    Ok(new_list_of_strs(vm, &parts))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, which: u8) -> PyResult<Value> {
    let this_v = args.this().clone();
    let s = this(vm, &args, name)?;
    let [chars] = args.range::<2>(vm, name, 1, true).map(|[_, c]| [c])?;
    let chars = match chars {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(c) => Some(c),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let out = match which {
        0 => str_ops::strip(s.as_str(), chars),
        1 => str_ops::lstrip(s.as_str(), chars),
        _ => str_ops::rstrip(s.as_str(), chars),
    };
    if out.len() == s.as_str().len() && is_exact_str(vm, &this_v) {
        return Ok(this_v);
    }
    Ok(vm.str_val(out))
}

/// Whether `v` is exactly a str (not a subclass), so it can be returned
/// unchanged where CPython returns `self`.
fn is_exact_str(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => std::rc::Rc::ptr_eq(&vm.obj_class(o), &vm.types.str),
        _ => false,
    }
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", 0)
}

fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", 1)
}

fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", 2)
}

/// The `(sub, start, end)` arguments of find/count/index.
fn search_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a PyStr, &'a str, Option<i64>, Option<i64>)> {
    let s = this(vm, args, name)?;
    let rest = count_args(vm, args, name, 1, 3)?;
    let sub = str_arg(vm, &rest[0])?;
    let start = slice_bound(vm, rest.get(1))?;
    let end = slice_bound(vm, rest.get(2))?;
    Ok((s, sub, start, end))
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "find")?;
    Ok(Value::Int(str_ops::find(text(s), sub, a, b)))
}

fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rfind")?;
    Ok(Value::Int(str_ops::rfind(text(s), sub, a, b)))
}

fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "index")?;
    let i = str_ops::index(text(s), sub, a, b).map_err(|e| vm.text_error(e))?;
    Ok(Value::Int(i as i64))
}

fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rindex")?;
    let i = str_ops::rindex(text(s), sub, a, b).map_err(|e| vm.text_error(e))?;
    Ok(Value::Int(i as i64))
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "count")?;
    Ok(Value::Int(str_ops::count(text(s), sub, a, b) as i64))
}

fn affix_impl(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let rest = count_args(vm, &args, name, 1, 3)?;
    let start = slice_bound(vm, rest.get(1))?;
    let stop = slice_bound(vm, rest.get(2))?;
    let test = |affix: &str| {
        if end {
            str_ops::ends_with(text(s), affix, start, stop)
        } else {
            str_ops::starts_with(text(s), affix, start, stop)
        }
    };
    let arg = &rest[0];
    if let Some(a) = arg.as_str() {
        return Ok(Value::Bool(test(a)));
    }
    if let Some(items) = arg.as_tuple() {
        for item in items {
            match item.as_str() {
                Some(a) => {
                    if test(a) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    let t = vm.type_name(item);
                    return Err(
                        vm.type_error(format!("tuple for {name} must only contain str, not {t}"))
                    );
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    let t = vm.type_name(arg);
    Err(vm.type_error(format!(
        "{name} first arg must be str or a tuple of str, not {t}"
    )))
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "replace")?;
    let [_, old, new, count] = args.range::<4>(vm, "replace", 3, true)?;
    let mut strs = [""; 2];
    for (i, v) in [old, new].into_iter().enumerate() {
        let v = v.unwrap_or(&Value::None);
        match v.as_str() {
            Some(x) => strs[i] = x,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(format!("replace() argument {} must be str, not {t}", i + 1))
                );
            }
        }
    }
    let count = match count {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    if strs[1].len() > strs[0].len() {
        match str_ops::replaced_len(s.as_str(), strs[0], strs[1], count) {
            Some(n) => vm.check_alloc(n)?,
            None => return Err(vm.overflow_error("replace string is too long")),
        }
    }
    let out =
        str_ops::replace(s.as_str(), strs[0], strs[1], count).map_err(|e| vm.text_error(e))?;
    Ok(vm.str_val(out))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let [_, sep] = args.exact_method(vm, &format!("str.{name}"))?;
    let sep = str_arg(vm, sep)?;
    let (a, b, c) = if right {
        str_ops::rpartition(s.as_str(), sep)
    } else {
        str_ops::partition(s.as_str(), sep)
    }
    .map_err(|e| vm.text_error(e))?;
    let items = vec![vm.str_val(a), vm.str_val(b), vm.str_val(c)];
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

/// A no-argument method mapping the text to new text.
fn map_impl(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let [_] = args.exact_method(vm, &format!("str.{name}"))?;
    let out = f(s.as_str());
    Ok(vm.str_val(out))
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "upper", str_ops::upper)
}
fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "lower", str_ops::lower)
}
fn str_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "casefold", str_ops::casefold)
}
fn str_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "swapcase", str_ops::swapcase)
}
fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "title", str_ops::title)
}
fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, args, "capitalize", str_ops::capitalize)
}

/// A no-argument predicate.
fn pred_impl(vm: &mut Vm, args: Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let [_] = args.exact_method(vm, &format!("str.{name}"))?;
    Ok(Value::Bool(f(s.as_str())))
}

fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isspace", str_ops::is_space)
}
fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isalpha", str_ops::is_alpha)
}
fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isalnum", str_ops::is_alnum)
}
fn str_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isdecimal", str_ops::is_decimal)
}
fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isdigit", str_ops::is_digit)
}
fn str_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isnumeric", str_ops::is_numeric)
}
fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isprintable", str_ops::is_printable)
}
fn str_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isascii", str_ops::is_ascii)
}
fn str_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isidentifier", str_ops::is_identifier)
}
fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "isupper", str_ops::is_upper)
}
fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "islower", str_ops::is_lower)
}
fn str_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, args, "istitle", str_ops::is_title)
}

/// The fill character of center/ljust/rjust.
fn fill_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    match v.as_str() {
        Some(f) => {
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {t}"
            )))
        }
    }
}

fn pad_impl(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let this_v = args.this().clone();
    let s = this(vm, &args, name)?;
    let [_, width, fill] = args.range::<3>(vm, name, 2, true)?;
    let width = ssize_arg(vm, width.unwrap_or(&Value::None))?;
    let fill = fill_arg(vm, fill)?;
    if width <= s.char_len() as i64 && is_exact_str(vm, &this_v) {
        return Ok(this_v);
    }
    let t = text(s);
    let out = match name {
        "center" => str_ops::center(t, width, fill),
        "ljust" => str_ops::ljust(t, width, fill),
        _ => str_ops::rjust(t, width, fill),
    }
    .map_err(|e| vm.text_error(e))?;
    Ok(vm.str_val(out))
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "center")
}
fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "ljust")
}
fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "rjust")
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "zfill")?;
    let [_, width] = args.exact_method(vm, "str.zfill")?;
    let width = ssize_arg(vm, width)?;
    let out = str_ops::zfill(text(s), width).map_err(|e| vm.text_error(e))?;
    Ok(vm.str_val(out))
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "expandtabs")?;
    let [tabsize] = args.shift().bind(vm, "expandtabs", ["tabsize"], 0)?;
    let tabsize = match tabsize {
        Some(t) => {
            let i = vm.to_index(t)?;
            i32::try_from(&i)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?
        }
        None => 8,
    };
    let len =
        str_ops::expandtabs_len(s.as_str(), i64::from(tabsize)).map_err(|e| vm.text_error(e))?;
    vm.check_alloc(len)?;
    let out = str_ops::expandtabs(s.as_str(), i64::from(tabsize)).map_err(|e| vm.text_error(e))?;
    Ok(vm.str_val(out))
}

fn affix_remove(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    let this_v = args.this().clone();
    let s = this(vm, &args, name)?;
    let [_, a] = args.exact_method(vm, &format!("str.{name}"))?;
    let Some(a) = a.as_str() else {
        let t = vm.type_name(a);
        return Err(vm.type_error(format!("{name}() argument must be str, not {t}")));
    };
    let out = if suffix {
        str_ops::remove_suffix(s.as_str(), a)
    } else {
        str_ops::remove_prefix(s.as_str(), a)
    };
    if out.len() == s.as_str().len() && is_exact_str(vm, &this_v) {
        return Ok(this_v);
    }
    Ok(vm.str_val(out))
}

fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", true)
}

/// A str argument of encode/decode: "encode() argument 'errors' must be
/// str, not int".
pub(crate) fn codec_name_arg(
    vm: &mut Vm,
    v: Option<&Value>,
    func: &str,
    param: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!("{func}() argument '{param}' must be str, not {t}")))
            }
        },
    }
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "encode")?;
    let [enc, errors] = args.shift().bind(vm, "encode", ["encoding", "errors"], 0)?;
    let enc = codec_name_arg(vm, enc, "encode", "encoding", "utf-8")?;
    let errors = codec_name_arg(vm, errors, "encode", "errors", "strict")?;
    let b = vm.encode_str(s.as_str(), &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "translate")?;
    let [_, table] = args.exact_method(vm, "str.translate")?;
    let table = table.clone();
    let lookup_error = vm.exc.lookup_error.clone();
    // The result grows by what each character maps to: checked as it goes.
    let (mut produced, mut next_check) = (0usize, crate::alloc_gate::GROWTH_FIRST_CHECK);
    let out = str_ops::translate(s.as_str(), |c| {
        let key = Value::Int(i64::from(crate::text::surrogates::code_point(c)));
        let mapped = match vm.get_item(&table, &key) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, &lookup_error) => return Ok(Translation::Keep),
            Err(e) => return Err(e),
        };
        produced = produced.saturating_add(match &mapped {
            Value::None => 0,
            v => v.as_str().map_or(4, str::len),
        });
        vm.check_growth(&mut next_check, produced)?;
        match &mapped {
            Value::None => Ok(Translation::Delete),
            v if v.as_str().is_some() => Ok(Translation::Str(v.as_str().unwrap_or("").to_string())),
            v => match to_integer(v) {
                Some(n) => match u32::try_from(&n)
                    .ok()
                    .and_then(crate::text::surrogates::from_code_point)
                {
                    Some(m) => Ok(Translation::Char(m)),
                    None if (0..0x110000).contains(&n) => Err(vm.not_implemented_error(
                        crate::text::surrogates::reserved_message(u32::try_from(&n).unwrap_or(0)),
                    )),
                    None => Err(vm.value_error("character mapping must be in range(0x110000)")),
                },
                None => Err(vm.type_error("character mapping must return integer, None or str")),
            },
        }
    })?;
    Ok(vm.str_val(out))
}

fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // A static method: no `self`.
    let [x, y, z] = args.range::<3>(vm, "maketrans", 1, false)?;
    let d = vm.new_dict();
    match (x, y) {
        (Some(x), None) => {
            let Some(Payload::Dict(_)) = x.payload() else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            for k in vm.iterate(x)? {
                let v = vm.get_item(x, &k)?;
                let (k, v) = (&k, &v);
                let key = if let Some(ks) = k.as_str() {
                    let mut it = ks.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => {
                            Value::Int(i64::from(crate::text::surrogates::code_point(c)))
                        }
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                } else if to_integer(k).is_some() {
                    k.clone()
                } else {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                };
                vm.set_item(&d, key, v.clone())?;
            }
        }
        (Some(x), Some(y)) => {
            let mut strs = [""; 2];
            for (i, v) in [x, y].into_iter().enumerate() {
                match v.as_str() {
                    Some(s) => strs[i] = s,
                    None => {
                        let t = vm.type_name(v);
                        return Err(vm.type_error(format!(
                            "maketrans() argument {} must be str, not {t}",
                            i + 1
                        )));
                    }
                }
            }
            let z = match z {
                Some(z) => match z.as_str() {
                    Some(s) => Some(s),
                    None => {
                        let t = vm.type_name(z);
                        return Err(
                            vm.type_error(format!("maketrans() argument 3 must be str, not {t}"))
                        );
                    }
                },
                None => None,
            };
            if strs[0].chars().count() != strs[1].chars().count() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in strs[0].chars().zip(strs[1].chars()) {
                vm.set_item(
                    &d,
                    Value::Int(i64::from(crate::text::surrogates::code_point(a))),
                    Value::Int(i64::from(crate::text::surrogates::code_point(b))),
                )?;
            }
            for c in z.unwrap_or("").chars() {
                vm.set_item(
                    &d,
                    Value::Int(i64::from(crate::text::surrogates::code_point(c))),
                    Value::None,
                )?;
            }
        }
        _ => {}
    }
    Ok(d)
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "format_map")?.as_str().to_owned();
    let [_, mapping] = args.exact_method(vm, "str.format_map")?;
    let out = crate::format::str_format_map(vm, &s, mapping)?;
    Ok(vm.str_val(out))
}

/// Registers the methods of this file on `str`.
pub fn init(vm: &mut Vm) {
    let t = vm.types.str.clone();
    vm.add_methods(
        &t,
        &[
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("replace", str_replace),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("isspace", str_isspace),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isnumeric", str_isnumeric),
            ("isprintable", str_isprintable),
            ("isascii", str_isascii),
            ("isidentifier", str_isidentifier),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("istitle", str_istitle),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("encode", str_encode),
            ("translate", str_translate),
            ("format_map", str_format_map),
        ],
    );
    vm.add_static(&t, "maketrans", str_maketrans);
}
