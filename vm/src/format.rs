//! String formatting for the VM: `format()` and the `__format__` of int,
//! float and str, `str.format` / `str.format_map`, and printf-style `%`
//! for str and bytes.
//!
//! The syntax and the layouts are `crate::text`'s (checked against
//! CPython there); this file looks objects up, converts them, calls their
//! `__format__`, and turns text errors into Python exceptions.

use malachite::num::logic::traits::SignificantBits;
use malachite::Integer;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::int::to_integer;
use crate::text::format_string::{self, Access, FieldKey, Item, Numbering};

use crate::text::percent_format::{self as pf, Count, Layout, Parser, Piece, Spec};
use crate::text::{format_spec, str_ops};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `format(i, spec)` for an int.
pub fn format_int(vm: &mut Vm, i: &Integer, spec: &str) -> PyResult<String> {
    format_int_named(vm, i, spec, "int")
}

/// `format(i, spec)` for an int whose type is called `type_name` (for
/// messages: `bool`, a subclass).
pub fn format_int_named(vm: &mut Vm, i: &Integer, spec: &str, type_name: &str) -> PyResult<String> {
    // The digits take a byte per bit in binary, a third of that in octal
    // and fewer in other bases (decimal is bounded by the str limit).
    let bits = i.significant_bits() as usize;
    gate_spec(vm, spec, if spec.ends_with('b') { bits } else { bits / 3 })?;
    format_spec::format_int(i, spec, type_name).map_err(|e| vm.text_error(e))
}

/// The allocation gate for a format spec: its width and precision decide
/// the size of the result, with `digits` more for the value itself. (A
/// spec that does not parse is left to the formatter's error.)
fn gate_spec(vm: &mut Vm, spec: &str, digits: usize) -> PyResult<()> {
    let (width, precision) = if spec.is_empty() {
        (0, 0)
    } else {
        match format_spec::FormatSpec::parse(spec, None, "") {
            Ok(f) => (f.width.unwrap_or(0), f.precision.unwrap_or(0)),
            Err(_) => (0, 0),
        }
    };
    vm.check_alloc(width.max(precision.saturating_add(digits)))
}

/// `format(x, spec)` for a float.
pub fn format_float(vm: &mut Vm, x: f64, spec: &str) -> PyResult<String> {
    format_float_named(vm, x, spec, "float")
}

/// `format(x, spec)` for a float whose type is called `type_name`.
pub fn format_float_named(vm: &mut Vm, x: f64, spec: &str, type_name: &str) -> PyResult<String> {
    // Up to 309 digits before the point.
    gate_spec(vm, spec, 320)?;
    format_spec::format_float(x, spec, type_name).map_err(|e| vm.text_error(e))
}

/// `format(s, spec)` for a str.
pub fn format_str(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    gate_spec(vm, spec, 0)?;
    format_spec::format_str(s, spec).map_err(|e| vm.text_error(e))
}

/// Escapes the non-ASCII characters of a repr (what `ascii()` adds to
/// `repr()`).
pub fn ascii_escape(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            str_ops::push_escape(&mut out, c);
        }
    }
    out
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        match v {
            Value::Int(i) if !spec.is_empty() => {
                let s = format_int(self, &Integer::from(*i), spec)?;
                return Ok(self.str_val(s));
            }
            Value::Float(f) if !spec.is_empty() => {
                let s = format_float(self, *f, spec)?;
                return Ok(self.str_val(s));
            }
            Value::Int(_) | Value::Float(_) => {
                let s = self.str(v)?;
                return Ok(self.str_val(s));
            }
            _ => {}
        }
        let sp = self.str_val(spec);
        let k = self.names.__format__.clone();
        match self.call_special(v, &k, &[sp])? {
            Some(r) => {
                if r.as_str().is_none() {
                    return Err(self.type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(&r)
                    )));
                }
                Ok(r)
            }
            None => Err(self.type_error(format!(
                "Type {} doesn't define __format__",
                self.type_name(v)
            ))),
        }
    }
}

/// Where `str.format` fields come from.
enum Source<'a> {
    Args {
        pos: &'a [Value],
        kw: &'a [(String, Value)],
    },
    Map(&'a Value),
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: Args) -> PyResult<String> {
    let pos: Vec<Value> = args.pos().to_vec();
    let kw: Vec<(String, Value)> = args.kw().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let src = Source::Args { pos: &pos, kw: &kw };
    render(
        vm,
        fmt,
        &src,
        &mut Numbering::new(),
        format_string::MAX_RECURSION,
    )
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, fmt: &str, mapping: &Value) -> PyResult<String> {
    let src = Source::Map(mapping);
    render(
        vm,
        fmt,
        &src,
        &mut Numbering::new(),
        format_string::MAX_RECURSION,
    )
}

/// Expands a template: looks each field up, converts it, expands its
/// spec (one level less deep) and formats it.
fn render(
    vm: &mut Vm,
    template: &str,
    src: &Source,
    numbering: &mut Numbering,
    depth: usize,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.text_error(format_string::recursion_exceeded()));
    }
    let mut out = String::new();
    for item in format_string::parse(template) {
        let field = match item.map_err(|e| vm.text_error(e))? {
            Item::Literal(l) => {
                out.push_str(l);
                continue;
            }
            Item::Field(f) => f,
        };
        let name = format_string::parse_field_name(field.name).map_err(|e| vm.text_error(e))?;
        let index = numbering.index(&name.key).map_err(|e| vm.text_error(e))?;
        let mut obj = match (index, &name.key, src) {
            (Some(_), _, Source::Map(_)) => {
                return Err(vm.text_error(format_string::positional_in_format_map()))
            }
            (Some(i), _, Source::Args { pos, .. }) => match pos.get(i) {
                Some(v) => v.clone(),
                None => return Err(vm.text_error(format_string::index_out_of_range(i))),
            },
            (None, FieldKey::Name(n), Source::Args { kw, .. }) => {
                match kw.iter().find(|(k, _)| k == n) {
                    Some((_, v)) => v.clone(),
                    None => {
                        let k = vm.str_val(*n);
                        return Err(vm.key_error(k));
                    }
                }
            }
            (None, FieldKey::Name(n), Source::Map(m)) => {
                let k = vm.str_val(*n);
                vm.get_item(m, &k)?
            }
            (None, _, _) => return Err(vm.system_error("format field without a key")),
        };
        for step in name {
            obj = match step.map_err(|e| vm.text_error(e))? {
                Access::Attr(a) => {
                    let a = vm.intern(a);
                    vm.get_attr(&obj, &a)?
                }
                Access::Index(i) => vm.get_item(&obj, &Value::Int(i as i64))?,
                Access::Key(k) => {
                    let k = vm.str_val(k);
                    vm.get_item(&obj, &k)?
                }
            };
        }
        if let Some(c) = field.conversion {
            let c = format_string::check_conversion(c).map_err(|e| vm.text_error(e))?;
            obj = match c {
                's' => vm.str_value(&obj)?,
                'r' => {
                    let r = vm.repr(&obj)?;
                    vm.str_val(r)
                }
                _ => {
                    let r = vm.repr(&obj)?;
                    vm.str_val(ascii_escape(&r))
                }
            };
        }
        let spec = if field.spec_has_fields {
            render(vm, field.spec, src, numbering, depth - 1)?
        } else {
            field.spec.to_string()
        };
        let r = vm.format(&obj, &spec)?;
        out.push_str(r.as_str().unwrap_or(""));
    }
    Ok(out)
}

/// The arguments of a `%` operation, taken in CPython's order: one value
/// at a time from a tuple, or a single value once.
struct PercentArgs {
    items: Vec<Value>,
    /// None: a single (non-tuple) value.
    tuple_len: Option<usize>,
    next: usize,
    single_taken: bool,
}

impl PercentArgs {
    fn new(args: &Value) -> Self {
        match args.as_tuple() {
            Some(t) => PercentArgs {
                items: t.to_vec(),
                tuple_len: Some(t.len()),
                next: 0,
                single_taken: false,
            },
            None => PercentArgs::single(args.clone()),
        }
    }

    fn single(v: Value) -> Self {
        PercentArgs {
            items: vec![v],
            tuple_len: None,
            next: 0,
            single_taken: false,
        }
    }

    fn take(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let v = match self.tuple_len {
            Some(_) => {
                let v = self.items.get(self.next).cloned();
                if v.is_some() {
                    self.next += 1;
                }
                v
            }
            None if !self.single_taken => {
                self.single_taken = true;
                self.items.first().cloned()
            }
            None => None,
        };
        v.ok_or_else(|| vm.text_error(pf::not_enough_arguments()))
    }

    fn all_used(&self) -> bool {
        match self.tuple_len {
            Some(n) => self.next >= n,
            None => self.single_taken,
        }
    }
}

/// Whether `%`'s right operand counts as a mapping: it has `__getitem__`
/// and is not a tuple or (for the format's own type) a str/bytes.
fn percent_mapping(vm: &mut Vm, args: &Value, bytes_format: bool) -> bool {
    if args.as_tuple().is_some() {
        return false;
    }
    match args.payload() {
        Some(Payload::Str(_)) => return false,
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) if bytes_format => return false,
        Some(Payload::Dict(_)) => return true,
        _ => {}
    }
    let k = vm.names.__getitem__.clone();
    vm.lookup_special(args, &k).is_some()
}

/// The `*` counts, the layout and the value of one spec.
fn take_spec_args(vm: &mut Vm, spec: &Spec, args: &mut PercentArgs) -> PyResult<(Layout, Value)> {
    let mut star = |vm: &mut Vm, c: Option<Count>| -> PyResult<Option<i64>> {
        if c != Some(Count::Star) {
            return Ok(None);
        }
        let v = args.take(vm)?;
        match to_integer(&v) {
            Some(i) => i64::try_from(&i)
                .map(Some)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t")),
            None => Err(vm.type_error("* wants int")),
        }
    };
    let w = star(vm, spec.width)?;
    let p = star(vm, spec.precision)?;
    let layout = Layout::new(spec, w, p);
    // Width and precision decide the size of what is built: the piece,
    // and the result it is copied into.
    vm.check_alloc(
        layout
            .width
            .max(layout.precision.unwrap_or(0))
            .saturating_mul(2),
    )?;
    let v = args.take(vm)?;
    pf::check_conversion(spec).map_err(|e| vm.text_error(e))?;
    Ok((layout, v))
}

/// The int for `%d %i %u` (any real number, truncated) or `%o %x %X`
/// (`__index__` only).
fn percent_int(vm: &mut Vm, v: &Value, conversion: char) -> PyResult<Integer> {
    if let Some(i) = to_integer(v) {
        return Ok(i);
    }
    let integer_only = matches!(conversion, 'o' | 'x' | 'X');
    if !integer_only {
        if let Value::Float(f) = v {
            let r = crate::objects::float::float_to_int(vm, *f)?;
            return to_integer(&r).ok_or_else(|| vm.type_error("int expected"));
        }
    }
    if vm.is_index(v) {
        return vm.to_index(v);
    }
    if !integer_only {
        let k = vm.intern("__int__");
        if vm.lookup_special(v, &k).is_some() || matches!(v.payload(), Some(Payload::Float(_))) {
            let r = vm.to_int(v)?;
            if let Some(i) = to_integer(&r) {
                return Ok(i);
            }
        }
    }
    let t = vm.type_name(v);
    let what = if integer_only {
        "an integer is required"
    } else {
        "a real number is required"
    };
    Err(vm.type_error(format!("%{conversion} format: {what}, not {t}")))
}

/// The float for `%e %f %g` and friends.
fn percent_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(f64::from(u8::from(*b))),
        _ => {}
    }
    if let Some(i) = to_integer(v) {
        return format_spec::int_to_f64(&i).map_err(|e| vm.text_error(e));
    }
    if let Some(Payload::Float(f)) = v.payload() {
        return Ok(*f);
    }
    let k = vm.intern("__float__");
    if let Some(r) = vm.call_special(v, &k, &[])? {
        return match r {
            Value::Float(f) => Ok(f),
            _ => match r.payload() {
                Some(Payload::Float(f)) => Ok(*f),
                _ => Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                ))),
            },
        };
    }
    if vm.is_index(v) {
        let i = vm.to_index(v)?;
        return format_spec::int_to_f64(&i).map_err(|e| vm.text_error(e));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {t}")))
}

/// The text of a numeric conversion (`d i u o x X e E f F g G`).
fn percent_number(vm: &mut Vm, v: &Value, c: char, layout: &Layout) -> PyResult<String> {
    if "diuoxX".contains(c) {
        let i = percent_int(vm, v, c)?;
        Ok(pf::format_int(&i, c, layout))
    } else {
        let x = percent_float(vm, v)?;
        Ok(pf::format_float(x, c, layout))
    }
}

/// printf-style `fmt % args` for a str format.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let mapping = percent_mapping(vm, args, false);
    let mut state = PercentArgs::new(args);
    let mut out = String::with_capacity(fmt.len());
    for piece in Parser::for_str(fmt).with_mapping(mapping) {
        let spec = match piece.map_err(|e| vm.text_error(e))? {
            Piece::Literal(t) => {
                out.push_str(std::str::from_utf8(t).unwrap_or(""));
                continue;
            }
            Piece::Percent => {
                out.push('%');
                continue;
            }
            Piece::Spec(s) => s,
        };
        if let Some(key) = spec.key {
            let k = vm.str_val(String::from_utf8_lossy(key).into_owned());
            let v = vm.get_item(args, &k)?;
            state = PercentArgs::single(v);
        }
        let (layout, v) = take_spec_args(vm, &spec, &mut state)?;
        let c = spec.conversion;
        let text = match c {
            's' => {
                let s = vm.str(&v)?;
                pf::format_text(&s, &layout)
            }
            'r' => {
                let s = vm.repr(&v)?;
                pf::format_text(&s, &layout)
            }
            'a' => {
                let s = vm.repr(&v)?;
                pf::format_text(&ascii_escape(&s), &layout)
            }
            'c' => {
                let ch = if let Some(i) = to_integer(&v) {
                    format_spec::int_to_char(&i).map_err(|e| match e {
                        crate::text::TextError::OverflowError(_) => {
                            vm.overflow_error("%c arg not in range(0x110000)")
                        }
                        other => vm.text_error(other),
                    })?
                } else {
                    let mut it = v.as_str().map(str::chars);
                    match it.as_mut().map(|i| (i.next(), i.next())) {
                        Some((Some(ch), None)) => ch,
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                };
                pf::format_char(ch, &layout)
            }
            _ => percent_number(vm, &v, c, &layout)?,
        };
        out.push_str(&text);
    }
    if !mapping && !state.all_used() {
        return Err(vm.text_error(pf::not_all_converted()));
    }
    Ok(out)
}

/// The bytes of a bytes-like value or of `__bytes__`, for `%b`/`%s`.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => return Ok(Some(b.clone())),
        Some(Payload::ByteArray(b)) => return Ok(Some(b.borrow().clone())),
        _ => {}
    }
    let k = vm.intern("__bytes__");
    match vm.call_special(v, &k, &[])? {
        Some(r) => match r.payload() {
            Some(Payload::Bytes(b)) => Ok(Some(b.clone())),
            _ => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        },
        None => Ok(None),
    }
}

/// printf-style `fmt % args` for a bytes format.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let mapping = percent_mapping(vm, args, true);
    let mut state = PercentArgs::new(args);
    let mut out = Vec::with_capacity(fmt.len());
    for piece in Parser::for_bytes(fmt).with_mapping(mapping) {
        let spec = match piece.map_err(|e| vm.text_error(e))? {
            Piece::Literal(t) => {
                out.extend_from_slice(t);
                continue;
            }
            Piece::Percent => {
                out.push(b'%');
                continue;
            }
            Piece::Spec(s) => s,
        };
        if let Some(key) = spec.key {
            let k = vm.new_bytes(key.to_vec());
            let v = vm.get_item(args, &k)?;
            state = PercentArgs::single(v);
        }
        let (layout, v) = take_spec_args(vm, &spec, &mut state)?;
        let c = spec.conversion;
        match c {
            's' | 'b' => match bytes_of(vm, &v)? {
                Some(b) => out.extend(pf::format_bytes(&b, &layout, true)),
                None => {
                    let t = vm.type_name(&v);
                    return Err(vm.type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                    )));
                }
            },
            'r' | 'a' => {
                let s = vm.repr(&v)?;
                let a = ascii_escape(&s);
                out.extend(pf::format_bytes(a.as_bytes(), &layout, true));
            }
            'c' => {
                let byte = if let Some(i) = to_integer(&v) {
                    match u8::try_from(&i) {
                        Ok(b) => b,
                        Err(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    match v.payload() {
                        Some(Payload::Bytes(b)) if b.len() == 1 => b[0],
                        Some(Payload::ByteArray(b)) if b.borrow().len() == 1 => b.borrow()[0],
                        _ => {
                            return Err(vm.type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ))
                        }
                    }
                };
                out.extend(pf::format_bytes(&[byte], &layout, false));
            }
            _ => {
                let s = percent_number(vm, &v, c, &layout)?;
                out.extend_from_slice(s.as_bytes());
            }
        }
    }
    if !mapping && !state.all_used() {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}
