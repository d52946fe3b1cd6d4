//! `_sre.SRE_Scanner`: successive matches over one subject (`finditer`
//! iterates its `search`). Each call starts where the last match ended; an
//! empty match is not accepted twice at the same place; after a failure it
//! answers None for good.

use std::rc::Rc;

use rpy_vm::{ClassDef, Native, NativeClass, PyResult, Value, Vm};

use crate::matchobj::Match;
use crate::pattern::Pattern;
use crate::search::{self, Mode, Program};
use crate::text::Text;

pub struct Scanner {
    pub pattern: Value,
    pub prog: Rc<Program>,
    pub string: Value,
    pub text: Text,
    pub pos: usize,
    pub end: usize,
    /// Where the next call starts; None once a call found nothing.
    pub start: Option<usize>,
    pub must_advance: bool,
}

impl NativeClass for Scanner {
    const NAME: &'static str = "SRE_Scanner";
    const MODULE: &'static str = "_sre";

    fn define(c: &mut ClassDef<Self>) {
        c.method("match", |vm: &mut Vm, s: Native<Scanner>| {
            step(vm, &s, Mode::Match)
        });
        c.method("search", |vm: &mut Vm, s: Native<Scanner>| {
            step(vm, &s, Mode::Search)
        });
        c.getter("pattern", |s: &Scanner| s.pattern.clone());
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        if let Text::Ascii(v) | Text::Bytes(v) = &self.text {
            visit(v);
        }
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.pattern, Value::None));
        out.push(std::mem::replace(&mut self.string, Value::None));
    }
}

fn step(vm: &mut Vm, s: &Native<Scanner>, mode: Mode) -> PyResult<Value> {
    let (pattern, prog, string, text, pos, end, start, must_advance) = s.with(vm, |s| {
        (
            s.pattern.clone(),
            s.prog.clone(),
            s.string.clone(),
            s.text.clone(),
            s.pos,
            s.end,
            s.start,
            s.must_advance,
        )
    })?;
    let Some(start) = start else {
        return Ok(Value::None);
    };
    if start > end {
        s.with_mut(vm, |s| s.start = None)?;
        return Ok(Value::None);
    }
    let found = search::run(vm, &prog, &text, start, end, mode, must_advance)?;
    let Some(found) = found else {
        s.with_mut(vm, |s| s.start = None)?;
        return Ok(Value::None);
    };
    let (a, b) = (found.start, found.end);
    s.with_mut(vm, |s| {
        s.must_advance = a == b;
        s.start = Some(b);
    })?;
    let Some(p) = Native::<Pattern>::of(&pattern) else {
        return Ok(Value::None);
    };
    Ok(Match::new_value(vm, &p, &string, text, pos, end, found))
}
