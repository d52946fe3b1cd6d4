//! `re.Match`: the spans of one match, with the groups read back out of
//! the subject (`group`, `groups`, `groupdict`, `start`/`end`/`span`,
//! `expand`, `regs`, `lastindex`/`lastgroup`, ...), as CPython 3.11's.

use rpy_vm::{
    ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, ToPython, Value, VarArgs, Vm,
};

use crate::engine::Found;
use crate::pattern::{class_getitem, Pattern};
use crate::text::Text;

pub struct Match {
    /// The `re.Pattern` object.
    pub pattern: Value,
    pub string: Value,
    pub text: Text,
    pub pos: usize,
    pub endpos: usize,
    /// Spans of group 0..=groups.
    pub spans: Vec<Option<(usize, usize)>>,
    pub lastindex: isize,
    /// The name of group `lastindex`, or None.
    pub lastgroup: Value,
}

impl Match {
    pub fn new_value(
        vm: &mut Vm,
        p: &Native<Pattern>,
        string: &Value,
        text: Text,
        pos: usize,
        endpos: usize,
        f: Found,
    ) -> Value {
        let groups = f.marks.len() / 2;
        let spans = (0..=groups).map(|g| f.span(g)).collect();
        let indexgroup = p.with(vm, |p| p.indexgroup.clone()).unwrap_or(Value::None);
        let lastgroup = if f.lastindex >= 0 {
            vm.get_item(&indexgroup, &Value::Int(f.lastindex as i64))
                .unwrap_or(Value::None)
        } else {
            Value::None
        };
        let m = Match {
            lastgroup,
            pattern: p.value(),
            string: string.clone(),
            text,
            pos,
            endpos,
            spans,
            lastindex: f.lastindex,
        };
        vm.new_native_object(m)
    }
}

impl NativeClass for Match {
    const NAME: &'static str = "Match";
    const MODULE: &'static str = "re";

    fn define(c: &mut ClassDef<Self>) {
        c.constructor(|vm: &mut Vm, _a: VarArgs, _k: KwArgs| -> PyResult<Match> {
            Err(vm.type_error("cannot create 're.Match' instances"))
        });
        c.method("group", group);
        c.method(
            "groups",
            |vm: &mut Vm, m: Native<Match>, default: OptArg<Value>| -> PyResult<_> {
                let d = default.unwrap_or(Value::None);
                let n = m.with(vm, |m| m.spans.len())?;
                let items = (1..n)
                    .map(|g| slice_or(vm, &m, g, &d))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(vm.new_tuple(items))
            },
        )
        .params(&["/", "default"]);
        c.method("groupdict", groupdict).params(&["/", "default"]);
        c.method(
            "start",
            |vm: &mut Vm, m: Native<Match>, g: OptArg<Value>| -> PyResult<_> {
                let s = span_of(vm, &m, g.into_option())?;
                Ok(s.map_or(-1, |s| s.0 as i64))
            },
        );
        c.method(
            "end",
            |vm: &mut Vm, m: Native<Match>, g: OptArg<Value>| -> PyResult<_> {
                let s = span_of(vm, &m, g.into_option())?;
                Ok(s.map_or(-1, |s| s.1 as i64))
            },
        );
        c.method(
            "span",
            |vm: &mut Vm, m: Native<Match>, g: OptArg<Value>| -> PyResult<_> {
                let s = span_of(vm, &m, g.into_option())?;
                Ok(span_pair(s))
            },
        );
        c.method(
            "expand",
            |vm: &mut Vm, m: Native<Match>, template: Value| {
                let re = vm.import_module("re")?;
                let f = vm.get_attr_str(&re, "_expand")?;
                let p = m.with(vm, |m| m.pattern.clone())?;
                vm.call(&f, &[p, m.value(), template])
            },
        )
        .params(&["/", "template"]);
        c.method("__copy__", |_vm: &mut Vm, m: Native<Match>| m);
        c.method(
            "__deepcopy__",
            |_vm: &mut Vm, m: Native<Match>, _memo: Value| m,
        );
        c.classmethod("__class_getitem__", class_getitem);
        c.getter("regs", |m: &Match| {
            Regs(m.spans.iter().map(|s| span_pair(*s)).collect())
        });
        c.getter("string", |m: &Match| m.string.clone());
        c.getter("re", |m: &Match| m.pattern.clone());
        c.getter("pos", |m: &Match| m.pos);
        c.getter("endpos", |m: &Match| m.endpos);
        c.getter("lastindex", |m: &Match| {
            (m.lastindex >= 0).then_some(m.lastindex as i64)
        });
        c.getter("lastgroup", |m: &Match| m.lastgroup.clone());
        c.getitem(|vm, m, g| group_value(vm, &m, g));
        c.repr(|vm, m| {
            let s = m.with(vm, |m| m.spans.first().copied().flatten())?;
            let (a, b) = s.unwrap_or((0, 0));
            let g = slice_or(vm, &m, 0, &Value::None)?;
            let r: String = vm.repr(&g)?.chars().take(50).collect();
            Ok(format!("<re.Match object; span=({a}, {b}), match={r}>"))
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        visit(&self.lastgroup);
        if let Text::Ascii(v) | Text::Bytes(v) = &self.text {
            visit(v);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.pattern, Value::None));
        out.push(std::mem::replace(&mut self.string, Value::None));
        out.push(std::mem::replace(&mut self.lastgroup, Value::None));
    }
}

/// `Match.regs`: a tuple of spans.
struct Regs(Vec<(i64, i64)>);

impl ToPython for Regs {
    fn to_python(self, vm: &mut Vm) -> PyResult<Value> {
        let items = self
            .0
            .into_iter()
            .map(|p| p.to_python(vm))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(vm.new_tuple(items))
    }
}

fn span_pair(s: Option<(usize, usize)>) -> (i64, i64) {
    match s {
        Some((a, b)) => (a as i64, b as i64),
        None => (-1, -1),
    }
}

/// The group number `g` names (an index or a group name), with CPython's
/// IndexError("no such group").
fn index_of(vm: &mut Vm, m: &Native<Match>, g: &Value) -> PyResult<usize> {
    let (n, pattern) = m.with(vm, |m| (m.spans.len(), m.pattern.clone()))?;
    let i = if vm.is_index(g) {
        vm.to_i64(g).unwrap_or(-1)
    } else {
        let gi = vm.get_attr_str(&pattern, "groupindex")?;
        let found = match vm.get_item(&gi, g) {
            Ok(v) => Some(v),
            Err(e) => {
                let builtins = vm.import_module("builtins")?;
                let key_error = vm.get_attr_str(&builtins, "KeyError")?;
                let Value::Obj(ke) = key_error else {
                    return Err(e);
                };
                if vm.err_matches(&e, &ke) {
                    None
                } else {
                    return Err(e);
                }
            }
        };
        match found {
            Some(v @ Value::Int(_)) => vm.to_i64(&v).unwrap_or(-1),
            _ => -1,
        }
    };
    match usize::try_from(i) {
        Ok(i) if i < n => Ok(i),
        _ => Err(vm.index_error("no such group")),
    }
}

fn span_of(vm: &mut Vm, m: &Native<Match>, g: Option<Value>) -> PyResult<Option<(usize, usize)>> {
    let i = match g {
        Some(g) => index_of(vm, m, &g)?,
        None => 0,
    };
    m.with(vm, |m| m.spans.get(i).copied().flatten())
}

/// Group `g`'s text, or `default` when it did not take part.
fn slice_or(vm: &mut Vm, m: &Native<Match>, g: usize, default: &Value) -> PyResult<Value> {
    let (s, text) = m.with(vm, |m| (m.spans.get(g).copied().flatten(), m.text.clone()))?;
    Ok(match s {
        Some((a, b)) => text.slice(vm, a, b),
        None => default.clone(),
    })
}

fn group_value(vm: &mut Vm, m: &Native<Match>, g: &Value) -> PyResult<Value> {
    let i = index_of(vm, m, g)?;
    slice_or(vm, m, i, &Value::None)
}

fn group(vm: &mut Vm, m: Native<Match>, args: VarArgs) -> PyResult<Value> {
    let items = args.0;
    match items.len() {
        0 => slice_or(vm, &m, 0, &Value::None),
        1 => group_value(vm, &m, &items[0]),
        _ => {
            let out = items
                .iter()
                .map(|g| group_value(vm, &m, g))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(vm.new_tuple(out))
        }
    }
}

fn groupdict(vm: &mut Vm, m: Native<Match>, default: OptArg<Value>) -> PyResult<Value> {
    let d = default.unwrap_or(Value::None);
    let pattern = m.with(vm, |m| m.pattern.clone())?;
    let gi = vm.get_attr_str(&pattern, "groupindex")?;
    let keys = vm.call_method(&gi, "keys", &[])?;
    let builtins = vm.import_module("builtins")?;
    let list = vm.get_attr_str(&builtins, "list")?;
    let keys = vm.call(&list, &[keys])?;
    let n = vm.len(&keys)?;
    let out = vm.new_dict();
    for k in 0..n {
        let key = vm.get_item(&keys, &Value::Int(k as i64))?;
        let i = index_of(vm, &m, &key)?;
        let v = slice_or(vm, &m, i, &d)?;
        vm.set_item(&out, key, v)?;
    }
    Ok(out)
}
