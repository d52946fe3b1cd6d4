//! `_rpy_re`: the native half of `re` (Lib/re/__init__.py holds the
//! Python-level API). `compile(pattern, flags, error)` translates a
//! Python pattern (`translate.rs`) and builds an `Engine` object
//! (`engine.rs`). `Engine.info()` gives (flags, groups, [(name, group)],
//! group numbers in closing order); `Engine.search` and `Engine.scan`
//! report matches as `(spans, texts)`: spans in the subject's own units
//! (code points for str, bytes for bytes-like) as a flat tuple
//! `(start0, end0, start1, ...)` with -1 for groups that did not
//! participate, and each group's text (None likewise).

mod engine;
mod translate;

use std::cell::RefCell;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::str::PyStr;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

use engine::{Engine, Mode, Spans};
use translate::TranslateError;

/// Builds the `_rpy_re` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module("_rpy_re");
    let t = vm.new_native_type("_rpy_re", "Engine", None);
    vm.add_methods(
        &t,
        &[
            ("info", engine_info),
            ("search", engine_search),
            ("scan", engine_scan),
        ],
    );
    vm.module_set(&m, "Engine", Value::Obj(t.clone()));
    let f = vm.new_native_closure(
        "compile",
        std::rc::Rc::new(move |vm: &mut Vm, args: Args<'_>| compile(vm, args, &t)),
    );
    vm.module_set(&m, "compile", f);
    Ok(m)
}

/// The engine of an `Engine` object. Kept behind an `Rc` so no borrow of
/// the object is held while searching.
type Shared = std::rc::Rc<Engine>;

fn compile(vm: &mut Vm, args: Args, engine_type: &PyRef) -> PyResult<Value> {
    let [pattern, flags, error] = args.exact(vm, "compile")?;
    let flags = vm.to_i64(flags)?;
    let flags = u32::try_from(flags).unwrap_or(0);
    let (chars, bytes): (Vec<char>, bool) = match pattern.payload() {
        Some(Payload::Str(s)) => (s.as_str().chars().collect(), false),
        Some(Payload::Bytes(b)) => (b.iter().map(|&b| char::from(b)).collect(), true),
        Some(Payload::ByteArray(b)) => (b.borrow().iter().map(|&b| char::from(b)).collect(), true),
        _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
    };
    let tr = match translate::translate(&chars, flags, bytes) {
        Ok(t) => t,
        Err(TranslateError::Syntax { msg, pos }) => {
            let msg = vm.str_val(msg);
            let e = vm.call(error, &[msg, pattern.clone(), Value::Int(pos as i64)])?;
            return match e {
                Value::Obj(o) => Err(PyErr(o)),
                _ => Err(vm.type_error("re.error() did not return an exception")),
            };
        }
        Err(TranslateError::Value(m)) => return Err(vm.value_error(m)),
        Err(TranslateError::Unsupported(m)) => return Err(vm.not_implemented_error(m)),
        Err(TranslateError::Overflow) => {
            return Err(vm.overflow_error("the repetition number is too large"))
        }
        Err(TranslateError::TooDeep) => {
            return Err(vm.recursion_error("maximum recursion depth exceeded"))
        }
    };
    let eng = Engine::new(tr, bytes).map_err(|e| {
        vm.not_implemented_error(format!(
            "pattern beyond the limits of rpy's regular expression engine: {e}"
        ))
    })?;
    let shared: Shared = std::rc::Rc::new(eng);
    Ok(Value::Obj(vm.alloc(
        engine_type.clone(),
        Payload::NativeData(RefCell::new(Box::new(shared))),
    )))
}

fn engine_of(vm: &mut Vm, v: &Value) -> PyResult<Shared> {
    if let Value::Obj(o) = v {
        if let Some(e) = o.native_data::<Shared>() {
            return Ok(e.clone());
        }
    }
    Err(vm.type_error("expected an _rpy_re.Engine"))
}

fn engine_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "Engine.info")?;
    let e = engine_of(vm, this)?;
    let mut names = Vec::new();
    for (n, g) in &e.tr.names {
        let n = vm.str_val(n.as_str());
        names.push(vm.new_tuple(vec![n, Value::Int(*g as i64)]));
    }
    let names = vm.new_list(names);
    let order =
        e.tr.close_order
            .iter()
            .map(|g| Value::Int(*g as i64))
            .collect();
    let order = vm.new_list(order);
    Ok(vm.new_tuple(vec![
        Value::Int(i64::from(e.tr.flags)),
        Value::Int(e.tr.groups as i64),
        names,
        order,
    ]))
}

/// The subject of a search: str and bytes are borrowed (no Python code
/// runs while it is in use), other bytes-like objects copied.
enum Subject<'a> {
    Str(&'a PyStr),
    Bytes(&'a [u8]),
    Owned(Vec<u8>),
}

fn subject<'a>(vm: &mut Vm, e: &Engine, v: &'a Value) -> PyResult<Subject<'a>> {
    let s = match v.payload() {
        Some(Payload::Str(s)) => Some(Subject::Str(s)),
        Some(Payload::Bytes(b)) => Some(Subject::Bytes(b)),
        Some(Payload::ByteArray(b)) => Some(Subject::Owned(b.borrow().clone())),
        // memoryview, array and other buffers.
        _ => vm.buffer(v)?.map(|b| Subject::Owned(b.bytes)),
    };
    match (s, e.bytes) {
        (Some(Subject::Str(_)), true) => {
            Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
        }
        (Some(Subject::Bytes(_) | Subject::Owned(_)), false) => {
            Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
        }
        (Some(s), _) => Ok(s),
        (None, _) => {
            let n = vm.type_name(v);
            Err(vm.type_error(format!("expected string or bytes-like object, got '{n}'")))
        }
    }
}

impl Subject<'_> {
    fn hay(&self) -> &[u8] {
        match self {
            Subject::Str(s) => s.as_str().as_bytes(),
            Subject::Bytes(b) => b,
            Subject::Owned(b) => b,
        }
    }

    /// The non-ASCII str, if any (ASCII text needs no conversion).
    fn text(&self) -> Option<&str> {
        match self {
            Subject::Str(s) if !s.is_ascii() => Some(s.as_str()),
            _ => None,
        }
    }

    fn len_units(&self) -> usize {
        match self {
            Subject::Str(s) => s.char_len(),
            _ => self.hay().len(),
        }
    }

    /// The byte offset of unit index `i` (clamped to the end).
    fn to_byte(&self, i: usize) -> usize {
        match self.text() {
            Some(s) => s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len()),
            None => i.min(self.hay().len()),
        }
    }
}

/// Converts increasing byte offsets of a str to code point indices in
/// time proportional to the distance moved.
struct Cursor<'a> {
    text: Option<&'a str>,
    byte: usize,
    chr: usize,
}

impl Cursor<'_> {
    fn unit_of(&mut self, b: usize) -> usize {
        let Some(s) = self.text else { return b };
        if b >= self.byte {
            let n = s.get(self.byte..b).map(|t| t.chars().count());
            match n {
                Some(n) => {
                    self.chr += n;
                    self.byte = b;
                }
                None => return s.get(..b).map(|t| t.chars().count()).unwrap_or(0),
            }
        } else {
            match s.get(b..self.byte).map(|t| t.chars().count()) {
                Some(n) => {
                    self.chr -= n.min(self.chr);
                    self.byte = b;
                }
                None => return s.get(..b).map(|t| t.chars().count()).unwrap_or(0),
            }
        }
        self.chr
    }
}

/// `pos`/`endpos` as CPython clamps them, in units.
fn bounds(vm: &mut Vm, len: usize, pos: &Value, endpos: &Value) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| -> usize {
        if v < 0 {
            0
        } else {
            (v as u64).min(len as u64) as usize
        }
    };
    let p = clamp(vm.to_i64(pos)?);
    let e = match endpos {
        Value::None => len,
        v => clamp(vm.to_i64(v)?),
    };
    Ok((p, e))
}

/// The subject's text between byte offsets `a` and `b`: a str for str
/// subjects, bytes for bytes-like ones (as CPython's group() gives).
fn text_value(vm: &mut Vm, s: &Subject, a: usize, b: usize) -> Value {
    match s {
        Subject::Str(t) => {
            let piece = t.as_str().get(a..b).unwrap_or("");
            vm.str_val(piece)
        }
        _ => {
            let piece = s.hay().get(a..b).unwrap_or(&[]).to_vec();
            vm.new_bytes(piece)
        }
    }
}

/// `(spans, texts)` of one match: the flat span tuple in units and each
/// group's text (None for groups that did not participate). Returning the
/// texts saves Python code from slicing non-ASCII str by index (O(n)).
fn match_value(vm: &mut Vm, s: &Subject, spans: &Spans, cur: &mut Cursor) -> (Value, Value) {
    let mut items = Vec::with_capacity(spans.len() * 2);
    let mut texts = Vec::with_capacity(spans.len());
    for g in spans {
        match g {
            Some((a, b)) => {
                items.push(Value::Int(cur.unit_of(*a) as i64));
                items.push(Value::Int(cur.unit_of(*b) as i64));
                texts.push(text_value(vm, s, *a, *b));
            }
            None => {
                items.push(Value::Int(-1));
                items.push(Value::Int(-1));
                texts.push(Value::None);
            }
        }
    }
    (vm.new_tuple(items), vm.new_tuple(texts))
}

/// `Engine.search(subject, pos, endpos, mode)`: mode 0 search, 1 match,
/// 2 fullmatch. Returns `(spans, texts)` (see `match_value`) or None.
fn engine_search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, subj, pos, endpos, mode] = args.exact_method(vm, "Engine.search")?;
    let e = engine_of(vm, this)?;
    let s = subject(vm, &e, subj)?;
    let (p, end) = bounds(vm, s.len_units(), pos, endpos)?;
    if p > end {
        return Ok(Value::None);
    }
    let mode = match vm.to_i64(mode)? {
        1 => Mode::Match,
        2 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let (pb, eb) = (s.to_byte(p), s.to_byte(end));
    match e.search(s.hay(), pb, eb, mode) {
        Some(spans) => {
            let mut cur = Cursor {
                text: s.text(),
                byte: pb,
                chr: p,
            };
            let (sp, tx) = match_value(vm, &s, &spans, &mut cur);
            Ok(vm.new_tuple(vec![sp, tx]))
        }
        None => Ok(Value::None),
    }
}

/// `Engine.scan(subject, pos, endpos, limit)`: all successive matches
/// (`finditer`), at most `limit` when it is positive, each as
/// `(spans, texts, before)` where `before` is the text between the previous
/// match (or `pos`) and this one.
fn engine_scan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, subj, pos, endpos, limit] = args.exact_method(vm, "Engine.scan")?;
    let e = engine_of(vm, this)?;
    let s = subject(vm, &e, subj)?;
    let (p, end) = bounds(vm, s.len_units(), pos, endpos)?;
    if p > end {
        return Ok(vm.new_list(Vec::new()));
    }
    let limit = usize::try_from(vm.to_i64(limit)?).unwrap_or(0);
    let (pb, eb) = (s.to_byte(p), s.to_byte(end));
    let text = s.text();
    let next_char = |b: usize| -> usize {
        match text {
            Some(t) => t
                .get(b..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8),
            None => 1,
        }
    };
    let all = e.scan(s.hay(), pb, eb, limit, &next_char);
    let mut cur = Cursor {
        text,
        byte: pb,
        chr: p,
    };
    let mut out = Vec::with_capacity(all.len());
    let mut last = pb;
    for spans in &all {
        let (a, b) = spans.first().copied().flatten().unwrap_or((last, last));
        let before = text_value(vm, &s, last, a);
        last = b;
        let (sp, tx) = match_value(vm, &s, spans, &mut cur);
        out.push(vm.new_tuple(vec![sp, tx, before]));
    }
    Ok(vm.new_list(out))
}
