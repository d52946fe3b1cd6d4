//! `re.Pattern`: a compiled program with its source, flags and group
//! names, and the searching methods (`match`, `fullmatch`, `search`,
//! `findall`, `finditer`, `split`, `sub`, `subn`, `scanner`), as CPython
//! 3.11's `_sre` defines them.

use std::rc::Rc;

use rpy_vm::{
    ClassDef, ComparisonOperator, KwArgs, Native, NativeClass, OptArg, Payload, PyRef, PyResult,
    Value, VarArgs, Vm,
};

use crate::engine::Found;
use crate::matchobj::Match;
use crate::scanner::Scanner;
use crate::search::{self, Mode, Program};
use crate::text::{bounds, Text};

pub struct Pattern {
    pub prog: Rc<Program>,
    pub pattern: Value,
    pub flags: i64,
    /// name -> group number (a dict).
    pub groupindex: Value,
    /// group number -> name or None (a tuple).
    pub indexgroup: Value,
}

/// `sys.maxsize`, the default `endpos`.
const MAXSIZE: i64 = i64::MAX;

impl NativeClass for Pattern {
    const NAME: &'static str = "Pattern";
    const MODULE: &'static str = "re";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(
            |vm: &mut Vm, _a: VarArgs, _k: KwArgs| -> PyResult<Pattern> {
                Err(vm.type_error("cannot create 're.Pattern' instances"))
            },
        );
        c.method(
            "match",
            |vm: &mut Vm, p: Native<Pattern>, s: Value, pos: OptArg<i64>, end: OptArg<i64>| {
                one(vm, &p, &s, pos, end, Mode::Match)
            },
        )
        .params(&["/", "string", "pos", "endpos"]);
        c.method(
            "fullmatch",
            |vm: &mut Vm, p: Native<Pattern>, s: Value, pos: OptArg<i64>, end: OptArg<i64>| {
                one(vm, &p, &s, pos, end, Mode::FullMatch)
            },
        )
        .params(&["/", "string", "pos", "endpos"]);
        c.method(
            "search",
            |vm: &mut Vm, p: Native<Pattern>, s: Value, pos: OptArg<i64>, end: OptArg<i64>| {
                one(vm, &p, &s, pos, end, Mode::Search)
            },
        )
        .params(&["/", "string", "pos", "endpos"]);
        c.method("findall", findall)
            .params(&["/", "string", "pos", "endpos"]);
        c.method("finditer", finditer)
            .params(&["/", "string", "pos", "endpos"]);
        c.method(
            "scanner",
            |vm: &mut Vm, p: Native<Pattern>, s: Value, pos: OptArg<i64>, end: OptArg<i64>| {
                scanner(vm, &p, &s, pos, end)
            },
        )
        .params(&["/", "string", "pos", "endpos"]);
        c.method("split", split)
            .params(&["/", "string", "maxsplit"]);
        c.method(
            "sub",
            |vm: &mut Vm,
             p: Native<Pattern>,
             repl: Value,
             s: Value,
             count: OptArg<i64>|
             -> PyResult<_> {
                let (out, _) = subx(vm, &p, &repl, &s, count.unwrap_or(0))?;
                Ok(out)
            },
        )
        .params(&["/", "repl", "string", "count"]);
        c.method(
            "subn",
            |vm: &mut Vm,
             p: Native<Pattern>,
             repl: Value,
             s: Value,
             count: OptArg<i64>|
             -> PyResult<_> {
                let (out, n) = subx(vm, &p, &repl, &s, count.unwrap_or(0))?;
                Ok(vm.new_tuple(vec![out, Value::Int(n)]))
            },
        )
        .params(&["/", "repl", "string", "count"]);
        c.method("__copy__", |_vm: &mut Vm, p: Native<Pattern>| p);
        c.method(
            "__deepcopy__",
            |_vm: &mut Vm, p: Native<Pattern>, _memo: Value| p,
        );
        c.classmethod("__class_getitem__", class_getitem);
        c.getter("pattern", |p: &Pattern| p.pattern.clone());
        c.getter("flags", |p: &Pattern| p.flags);
        c.getter("groups", |p: &Pattern| p.prog.groups);
        c.getter("groupindex", |p: &Pattern| p.groupindex.clone());
        c.repr(repr);
        c.hash(|vm, p| {
            let (pat, prog) = p.with(vm, |p| (p.pattern.clone(), p.prog.clone()))?;
            let h = vm.hash(&pat)?;
            let mut c: i64 = 0;
            for &w in prog.code.iter() {
                c = c.wrapping_mul(1_000_003) ^ i64::from(w);
            }
            let h = h ^ c;
            Ok(if h == -1 { -2 } else { h })
        });
        c.compare(compare);
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.pattern, Value::None));
        out.push(std::mem::replace(&mut self.groupindex, Value::None));
        out.push(std::mem::replace(&mut self.indexgroup, Value::None));
    }
}

/// `types.GenericAlias(cls, item)`.
pub fn class_getitem(vm: &mut Vm, cls: PyRef, item: Value) -> PyResult<Value> {
    let cls = Value::Obj(cls);
    let types = vm.import_module("types")?;
    let ga = vm.get_attr_str(&types, "GenericAlias")?;
    vm.call(&ga, &[cls, item])
}

/// The program of `p` and its subject `s` (checked against its kind).
fn prepare(vm: &mut Vm, p: &Native<Pattern>, s: &Value) -> PyResult<(Rc<Program>, Text)> {
    let prog = p.with(vm, |p| p.prog.clone())?;
    let text = match prog.bytes {
        Some(b) => Text::of(vm, s, b)?,
        None => {
            let is_str = matches!(s.payload(), Some(Payload::Str(_)));
            Text::of(vm, s, !is_str)?
        }
    };
    Ok((prog, text))
}

fn one(
    vm: &mut Vm,
    p: &Native<Pattern>,
    s: &Value,
    pos: OptArg<i64>,
    end: OptArg<i64>,
    mode: Mode,
) -> PyResult<Value> {
    let (prog, text) = prepare(vm, p, s)?;
    let (pos, end) = bounds(text.len(), pos.unwrap_or(0), end.unwrap_or(MAXSIZE));
    match search::run(vm, &prog, &text, pos, end, mode, false)? {
        Some(f) => Ok(Match::new_value(vm, p, s, text, pos, end, f)),
        None => Ok(Value::None),
    }
}

fn scanner(
    vm: &mut Vm,
    p: &Native<Pattern>,
    s: &Value,
    pos: OptArg<i64>,
    end: OptArg<i64>,
) -> PyResult<Value> {
    let (prog, text) = prepare(vm, p, s)?;
    let (pos, end) = bounds(text.len(), pos.unwrap_or(0), end.unwrap_or(MAXSIZE));
    let sc = Scanner {
        pattern: p.value(),
        prog,
        string: s.clone(),
        text,
        pos,
        end,
        start: Some(pos),
        must_advance: false,
    };
    Ok(vm.new_native_object(sc))
}

/// Every successive match of `prog` in `text[pos..end]` (at most `limit`
/// when it is not 0), each search starting where the last match ended and
/// not accepting an empty match there again.
fn each(
    vm: &mut Vm,
    prog: &Rc<Program>,
    text: &Text,
    pos: usize,
    end: usize,
    limit: usize,
    mut f: impl FnMut(&mut Vm, &Found) -> PyResult<()>,
) -> PyResult<usize> {
    let mut start = pos;
    let mut must_advance = false;
    let mut n = 0;
    while start <= end && (limit == 0 || n < limit) {
        let Some(found) = search::run(vm, prog, text, start, end, Mode::Search, must_advance)?
        else {
            break;
        };
        f(vm, &found)?;
        n += 1;
        must_advance = found.end == found.start;
        start = found.end;
    }
    Ok(n)
}

fn findall(
    vm: &mut Vm,
    p: Native<Pattern>,
    s: Value,
    pos: OptArg<i64>,
    end: OptArg<i64>,
) -> PyResult<Value> {
    let (prog, text) = prepare(vm, &p, &s)?;
    let (pos, end) = bounds(text.len(), pos.unwrap_or(0), end.unwrap_or(MAXSIZE));
    let mut out = Vec::new();
    let groups = prog.groups;
    each(vm, &prog, &text, pos, end, 0, |vm, f| {
        let piece = |vm: &mut Vm, g: usize| match f.span(g) {
            Some((a, b)) => text.slice(vm, a, b),
            None => text.empty(vm),
        };
        let item = match groups {
            0 => piece(vm, 0),
            1 => piece(vm, 1),
            n => {
                let items = (1..=n).map(|g| piece(vm, g)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        Ok(())
    })?;
    Ok(vm.new_list(out))
}

fn finditer(
    vm: &mut Vm,
    p: Native<Pattern>,
    s: Value,
    pos: OptArg<i64>,
    end: OptArg<i64>,
) -> PyResult<Value> {
    let sc = scanner(vm, &p, &s, pos, end)?;
    let search = vm.get_attr_str(&sc, "search")?;
    let builtins = vm.import_module("builtins")?;
    let iter = vm.get_attr_str(&builtins, "iter")?;
    vm.call(&iter, &[search, Value::None])
}

fn split(vm: &mut Vm, p: Native<Pattern>, s: Value, maxsplit: OptArg<i64>) -> PyResult<Value> {
    let (prog, text) = prepare(vm, &p, &s)?;
    let maxsplit = maxsplit.unwrap_or(0);
    let mut out = Vec::new();
    if maxsplit < 0 {
        out.push(text.slice(vm, 0, text.len()));
        return Ok(vm.new_list(out));
    }
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut last = 0;
    let groups = prog.groups;
    each(vm, &prog, &text, 0, text.len(), limit, |vm, f| {
        out.push(text.slice(vm, last, f.start));
        for g in 1..=groups {
            let v = match f.span(g) {
                Some((a, b)) => text.slice(vm, a, b),
                None => Value::None,
            };
            out.push(v);
        }
        last = f.end;
        Ok(())
    })?;
    out.push(text.slice(vm, last, text.len()));
    Ok(vm.new_list(out))
}

/// How `sub` makes each replacement.
enum Repl {
    /// The same text each time.
    Literal(Value),
    /// A function of the match object.
    Call(Value),
}

/// Whether a template has no backslash (so it is used as it is).
fn literal_template(vm: &mut Vm, t: &Value) -> PyResult<bool> {
    Ok(match t.payload() {
        Some(Payload::Str(s)) => !s.as_str().contains('\\'),
        Some(Payload::Bytes(b)) => !b.contains(&b'\\'),
        _ => match vm.buffer(t) {
            Ok(Some(b)) => !b.bytes.contains(&b'\\'),
            _ => false,
        },
    })
}

fn subx(
    vm: &mut Vm,
    p: &Native<Pattern>,
    repl: &Value,
    s: &Value,
    count: i64,
) -> PyResult<(Value, i64)> {
    let repl = if vm.is_callable(repl) {
        Repl::Call(repl.clone())
    } else if literal_template(vm, repl)? {
        Repl::Literal(repl.clone())
    } else {
        // As CPython: re._subx parses the template into a literal or a
        // function of the match.
        let re = vm.import_module("re")?;
        let subx = vm.get_attr_str(&re, "_subx")?;
        let f = vm.call(&subx, &[p.value(), repl.clone()])?;
        if vm.is_callable(&f) {
            Repl::Call(f)
        } else {
            Repl::Literal(f)
        }
    };
    let (prog, text) = prepare(vm, p, s)?;
    let len = text.len();
    let mut parts = Vec::new();
    let mut last = 0;
    let n = if count < 0 {
        0
    } else {
        let limit = usize::try_from(count).unwrap_or(usize::MAX);
        each(vm, &prog, &text, 0, len, limit, |vm, f| {
            if last < f.start {
                parts.push(text.slice(vm, last, f.start));
            }
            match &repl {
                Repl::Literal(v) => parts.push(v.clone()),
                Repl::Call(func) => {
                    let m = Match::new_value(vm, p, s, text.clone(), 0, len, f.clone());
                    let item = vm.call(func, &[m])?;
                    if !matches!(item, Value::None) {
                        parts.push(item);
                    }
                }
            }
            last = f.end;
            Ok(())
        })?
    };
    if last < len {
        parts.push(text.slice(vm, last, len));
    }
    let joiner = text.empty(vm);
    let out = if parts.is_empty() {
        joiner
    } else {
        let list = vm.new_list(parts);
        vm.call_method(&joiner, "join", &[list])?
    };
    Ok((out, n as i64))
}

/// The flag names of a repr, in CPython's order.
const FLAG_NAMES: [(&str, i64); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

fn repr(vm: &mut Vm, p: Native<Pattern>) -> PyResult<String> {
    let (pat, mut flags) = p.with(vm, |p| (p.pattern.clone(), p.flags))?;
    let pr: String = vm.repr(&pat)?.chars().take(200).collect();
    let is_str = matches!(pat.payload(), Some(Payload::Str(_)));
    // re.UNICODE is the default of str patterns: not shown.
    if is_str && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    if flags == 0 {
        return Ok(format!("re.compile({pr})"));
    }
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_owned());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(format!("re.compile({pr}, {})", names.join("|")))
}

fn compare(
    vm: &mut Vm,
    p: Native<Pattern>,
    other: &Value,
    op: ComparisonOperator,
) -> PyResult<Value> {
    let eq = match op {
        ComparisonOperator::Eq => true,
        ComparisonOperator::Ne => false,
        _ => return Ok(vm.not_implemented()),
    };
    let Some(o) = Native::<Pattern>::of(other) else {
        return Ok(vm.not_implemented());
    };
    let a = p.with(vm, |p| (p.prog.clone(), p.flags, p.pattern.clone()))?;
    let b = o.with(vm, |p| (p.prog.clone(), p.flags, p.pattern.clone()))?;
    let same = a.1 == b.1 && a.0.bytes == b.0.bytes && a.0.code == b.0.code && vm.eq(&a.2, &b.2)?;
    Ok(Value::Bool(same == eq))
}
