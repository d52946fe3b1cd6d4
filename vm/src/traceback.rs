//! Tracebacks: traceback objects for `__traceback__`, and printing an
//! exception (with its cause/context chain) exactly as CPython 3.11 does,
//! source lines and caret lines included.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::Payload;
use crate::objects::code::Code;
use crate::objects::exception::{exc_data, TbEntry};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The payload of a traceback object (`tb_next` chain).
pub struct TracebackData {
    pub code: Rc<Code>,
    pub ip: u32,
    pub lineno: u32,
    /// Writable from Python (`unittest` cuts its own frames off a chain).
    pub next: RefCell<Option<PyRef>>,
    pub globals: Option<PyRef>,
    /// The frame object (`tb_frame`).
    pub frame: Option<PyRef>,
}

/// Whose report to reproduce where CPython's two differ: its interpreter
/// (C) prints `__notes__ = None` as "None" and puts a group's `| ` margin
/// only before the lines it writes itself; its traceback module skips
/// None notes and puts the margin before every line.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportStyle {
    Interpreter,
    Module,
}

/// Builds the traceback object chain for stored entries (which run from
/// the innermost frame outward).
pub fn make_tb_objects(vm: &mut Vm, entries: &[TbEntry]) -> Value {
    let mut next: Option<PyRef> = None;
    for e in entries.iter() {
        let lineno = e.code.co.location(e.ip as usize).line;
        let tb = TracebackData {
            code: e.code.clone(),
            ip: e.ip,
            lineno,
            next: RefCell::new(next.take()),
            globals: e.globals.clone(),
            frame: e.frame.clone(),
        };
        next = Some(vm.alloc(vm.types.traceback.clone(), Payload::Traceback(tb)));
    }
    next.map(Value::Obj).unwrap_or(Value::None)
}

/// The entries of a traceback object chain (innermost first).
pub fn entries_of_tb(tb: &PyRef) -> Vec<TbEntry> {
    let mut out = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        match &t.payload {
            Payload::Traceback(d) => {
                out.push(TbEntry {
                    code: d.code.clone(),
                    ip: d.ip,
                    globals: d.globals.clone(),
                    frame: d.frame.clone(),
                });
                cur = d.next.borrow().clone();
            }
            _ => break,
        }
    }
    out.reverse();
    out
}

fn tb_lineno(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Traceback(t)) => Ok(Value::Int(i64::from(t.lineno))),
        _ => Err(vm.type_error("expected a traceback")),
    }
}
fn tb_next(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Traceback(t)) => Ok(t
            .next
            .borrow()
            .clone()
            .map(Value::Obj)
            .unwrap_or(Value::None)),
        _ => Err(vm.type_error("expected a traceback")),
    }
}

/// `tb.tb_next = other`: another traceback or None, never a loop.
fn set_tb_next(vm: &mut Vm, v: &Value, new: Value) -> PyResult<()> {
    let Some(Payload::Traceback(t)) = v.payload() else {
        return Err(vm.type_error("expected a traceback"));
    };
    let new = match new {
        Value::None => None,
        Value::Obj(o) if matches!(o.payload, Payload::Traceback(_)) => Some(o),
        other => {
            return Err(vm.type_error(format!(
                "expected traceback object, got '{}'",
                vm.type_name(&other)
            )))
        }
    };
    // Walking from the new next must not come back to this traceback.
    let mut cur = new.clone();
    while let Some(c) = cur {
        if Value::Obj(c.clone()).is(v) {
            return Err(vm.value_error("traceback loop detected"));
        }
        cur = match &c.payload {
            Payload::Traceback(d) => d.next.borrow().clone(),
            _ => None,
        };
    }
    *t.next.borrow_mut() = new;
    Ok(())
}
fn tb_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Traceback(t)) => Ok(Value::Int(i64::from(t.ip) * 2)),
        _ => Err(vm.type_error("expected a traceback")),
    }
}
fn tb_frame(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Traceback(t)) => match &t.frame {
            Some(f) => Ok(Value::Obj(f.clone())),
            None => Ok(Value::Obj(crate::objects::frame::finished_frame_object(
                vm,
                &t.code,
                t.ip,
                t.globals.clone(),
            ))),
        },
        _ => Err(vm.type_error("expected a traceback")),
    }
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.traceback.clone();
    vm.add_getset(&t, "tb_lineno", tb_lineno, None);
    vm.add_getset(&t, "tb_next", tb_next, Some(set_tb_next));
    vm.add_getset(&t, "tb_lasti", tb_lasti, None);
    vm.add_getset(&t, "tb_frame", tb_frame, None);
}

/// Character index of byte offset `b` in `line`.
fn char_offset(line: &str, b: usize) -> usize {
    let b = b.min(line.len());
    let mut b = b;
    while b > 0 && !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

impl Vm {
    /// The text of line `n` (1-based) of `filename`, if available.
    pub fn source_line(&mut self, filename: &str, n: u32) -> Option<String> {
        if n == 0 {
            return None;
        }
        // Like linecache: pseudo-files such as "<string>" have no lines.
        if filename.starts_with('<') && filename.ends_with('>') {
            return None;
        }
        let src = match self.sources.get(filename) {
            Some(s) => s.clone(),
            None => {
                if filename.starts_with('<') && filename.ends_with('>') {
                    return None;
                }
                if !self.may_read_path(std::path::Path::new(filename)) {
                    return None;
                }
                let s: Rc<str> = Rc::from(std::fs::read_to_string(filename).ok()?.as_str());
                self.sources.insert(filename.to_owned(), s.clone());
                s
            }
        };
        src.lines().nth(n as usize - 1).map(|l| l.to_owned())
    }

    /// Formats one traceback entry ("  File ..., line N, in f" + source
    /// and carets).
    fn format_entry(&mut self, e: &TbEntry, out: &mut String) {
        let loc = e.code.co.location(e.ip as usize);
        let fname = &e.code.co.filename;
        out.push_str(&format!(
            "  File \"{fname}\", line {}, in {}\n",
            loc.line, e.code.co.name
        ));
        let Some(line) = self.source_line(fname, loc.line) else {
            return;
        };
        let stripped = line.trim();
        if stripped.is_empty() {
            return;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if loc.end_line == 0 || (loc.col == 0 && loc.end_col == 0 && loc.end_line == loc.line) {
            return;
        }
        let lead = line.chars().count() - line.trim_start().chars().count();
        let start = char_offset(&line, loc.col as usize);
        let mut end = if loc.end_line == loc.line {
            char_offset(&line, loc.end_col as usize)
        } else {
            lead + stripped.chars().count()
        };
        if end < start {
            end = start;
        }
        let mut anchors = None;
        if loc.end_line == loc.line {
            let seg: String = line.chars().skip(start).take(end - start).collect();
            anchors = rpy_compiler::anchors::caret_anchors(&seg);
        }
        let span = end - start;
        let show = span < stripped.chars().count() || anchors.map(|(a, b)| b > a).unwrap_or(false);
        if !show {
            return;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(start.saturating_sub(lead)));
        match anchors {
            Some((a, b)) => {
                let (a, b) = (a.min(span), b.min(span).max(a.min(span)));
                out.push_str(&"~".repeat(a));
                out.push_str(&"^".repeat(b - a));
                out.push_str(&"~".repeat(span - b));
            }
            None => out.push_str(&"^".repeat(span.max(1))),
        }
        out.push('\n');
    }

    /// The "Traceback (most recent call last):" block of entries.
    fn format_tb(&mut self, entries: &[TbEntry], out: &mut String) {
        // Only the innermost `sys.tracebacklimit` (default 1000) entries.
        let sys = Value::Obj(self.sys.clone());
        let k = self.intern("tracebacklimit");
        let limit = match self.get_attr_opt(&sys, &k) {
            Ok(Some(Value::Int(n))) => n.max(0) as usize,
            _ => 1000,
        };
        let entries = &entries[..entries.len().min(limit)];
        if entries.is_empty() {
            return;
        }
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        for e in entries.iter().rev() {
            let loc = e.code.co.location(e.ip as usize);
            let key = (e.code.co.filename.clone(), loc.line, e.code.co.name.clone());
            if last.as_ref() == Some(&key) {
                count += 1;
            } else {
                if count > 3 {
                    let n = count - 3;
                    out.push_str(&format!(
                        "  [Previous line repeated {n} more time{}]\n",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                last = Some(key);
                count = 1;
            }
            if count <= 3 {
                self.format_entry(e, out);
            }
        }
        if count > 3 {
            let n = count - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n == 1 { "" } else { "s" }
            ));
        }
    }

    /// The final "Type: message" line(s) of an exception, as
    /// `traceback.format_exception_only` gives them.
    pub fn format_exception_only(&mut self, exc: &Value) -> String {
        self.format_exception_only_in(exc, "", ReportStyle::Module)
    }

    /// The final "Type: message" line and the notes, each line after
    /// `margin` (the indentation and `| ` of an exception group's box;
    /// like CPython, neither the message's own continuation lines nor a
    /// SyntaxError's source line get it).
    pub(crate) fn format_exception_only_in(
        &mut self,
        exc: &Value,
        margin: &str,
        notes_style: ReportStyle,
    ) -> String {
        if notes_style == ReportStyle::Module && !margin.is_empty() {
            let plain = self.format_exception_only_in(exc, "", notes_style);
            return plain
                .split_inclusive('\n')
                .map(|l| format!("{margin}{l}"))
                .collect();
        }
        let cls = self.class_of(exc);
        let q = crate::objects::object_::type_qualname(&cls);
        let module = crate::objects::object_::type_module(self, &cls)
            .ok()
            .flatten();
        let tname = match module.as_deref() {
            Some("builtins") | Some("__main__") => q,
            Some(m) => format!("{m}.{q}"),
            None => format!("<unknown>.{q}"),
        };
        let mut out = String::new();
        // Read before str(): that may change them.
        let k = self.intern("__notes__");
        let notes = self.get_attr_opt(exc, &k).ok().flatten();
        let is_syntax = self.is_instance(exc, &self.exc.syntax_error.clone());
        let syntax = if is_syntax {
            self.format_syntax_error(exc, &tname, margin)
        } else {
            None
        };
        match syntax {
            Some(s) => out.push_str(&s),
            None => {
                let msg = match self.str(exc) {
                    Ok(s) => s,
                    Err(_) => "<exception str() failed>".to_owned(),
                };
                out.push_str(margin);
                out.push_str(&tname);
                if !msg.is_empty() {
                    out.push_str(": ");
                    out.push_str(&msg);
                }
                if let Some(sugg) = self.suggestion_for(exc) {
                    out.push_str(&sugg);
                }
                out.push('\n');
            }
        }
        if let Some(notes) = notes {
            self.format_notes(&notes, margin, notes_style, &mut out);
        }
        out
    }

    /// `__notes__` after the message: each note's lines after `margin`;
    /// something that is not a sequence is shown by its repr (with no
    /// newline, as CPython 3.11 writes it); None is shown only by the
    /// interpreter's own report, not by the traceback module.
    fn format_notes(&mut self, notes: &Value, margin: &str, style: ReportStyle, out: &mut String) {
        if notes.is_none() && style == ReportStyle::Module {
            return;
        }
        let is_seq = !self.is_instance(notes, &self.types.dict.clone()) && {
            let k = self.names.__getitem__.clone();
            self.lookup_special(notes, &k).is_some()
        };
        let items = if is_seq {
            self.iterate(notes).ok()
        } else {
            None
        };
        let Some(items) = items else {
            out.push_str(margin);
            match self.repr(notes) {
                Ok(r) => out.push_str(&r),
                Err(_) => out.push_str("<__notes__ repr() failed>"),
            }
            return;
        };
        for n in items {
            match self.str(&n) {
                Ok(s) => {
                    for line in s.split_inclusive('\n') {
                        out.push_str(margin);
                        out.push_str(line);
                    }
                }
                Err(_) => out.push_str("<note str() failed>"),
            }
            out.push('\n');
        }
    }

    fn format_syntax_error(&mut self, exc: &Value, tname: &str, margin: &str) -> Option<String> {
        let get = |vm: &mut Vm, n: &str| -> Value {
            let k = vm.intern(n);
            vm.get_attr_opt(exc, &k)
                .ok()
                .flatten()
                .unwrap_or(Value::None)
        };
        let filename = get(self, "filename");
        let lineno = get(self, "lineno");
        let text = get(self, "text");
        let offset = get(self, "offset");
        let mut end_offset = get(self, "end_offset");
        let end_lineno = get(self, "end_lineno");
        let msg = get(self, "msg");
        let mut out = String::new();
        let fname = filename.as_str().unwrap_or("<string>").to_owned();
        if let Value::Int(l) = lineno {
            out.push_str(margin);
            out.push_str(&format!("  File \"{fname}\", line {l}\n"));
        } else if filename.as_str().is_none() {
            return None;
        }
        let text = match text.as_str() {
            Some(t) => Some(t.to_owned()),
            None => match &lineno {
                Value::Int(l) if *l > 0 => self.source_line(&fname, *l as u32).map(|mut l| {
                    l.push('\n');
                    l
                }),
                _ => None,
            },
        };
        if let Some(t) = text {
            // An error spanning lines is underlined to the end of its
            // first line (CPython counts the text's UTF-8 bytes).
            if let (Value::Int(l), Value::Int(el)) = (&lineno, &end_lineno) {
                if el > l {
                    end_offset = Value::Int(t.len() as i64);
                }
            }
            if let Value::Int(e) = end_offset {
                end_offset = Value::Int(e.min(t.len() as i64 + 1));
            }
            // As CPython's print_error_text: strip leading whitespace
            // (moving the offset with it), print the line, then carets
            // unless they would point left of the text.
            let indent_err = self.is_instance(exc, &self.exc.indentation_error.clone());
            let caret_reps = match (&offset, &end_offset) {
                (Value::Int(o), Value::Int(e)) if *e > 0 && e > o && !indent_err => {
                    (e - o) as usize
                }
                _ => 1,
            };
            let mut off: i64 = match offset {
                Value::Int(o) => o - 1,
                _ => -1,
            };
            let mut chars: Vec<char> = t.chars().collect();
            let lead = chars
                .iter()
                .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                .count();
            chars.drain(..lead);
            off -= lead as i64;
            let mut len = chars.len();
            if len > 0 && chars[len - 1] == '\n' {
                len -= 1;
            }
            if off > len as i64 {
                off = len as i64;
            }
            // Skip past newlines embedded before the offset.
            while let Some(nl) = chars.iter().position(|c| *c == '\n') {
                if nl as i64 >= off {
                    break;
                }
                chars.drain(..=nl);
                len = len.saturating_sub(nl + 1);
                off -= nl as i64 + 1;
            }
            out.push_str("    ");
            let shown: String = chars.iter().collect();
            out.push_str(&shown);
            if chars.get(len) != Some(&'\n') {
                out.push('\n');
            }
            if off >= 0 {
                out.push_str("    ");
                out.push_str(&" ".repeat(off as usize));
                out.push_str(&"^".repeat(caret_reps));
                out.push('\n');
            }
        }
        let m = match msg.as_str() {
            Some(s) => s.to_owned(),
            None => self.str(&msg).unwrap_or_default(),
        };
        out.push_str(margin);
        out.push_str(tname);
        if !m.is_empty() {
            out.push_str(": ");
            out.push_str(&m);
        }
        out.push('\n');
        Some(out)
    }

    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        crate::traceback_report::report(self, exc, None, true, ReportStyle::Interpreter, None)
    }

    /// As `format_exception`, but with `tb` (entries, innermost first as
    /// stored) in place of the exception's own traceback, the cause/context
    /// chain only when `chain` is set, and every traceback cut to `limit`
    /// entries as CPython does (n > 0 keeps the n outermost, n < 0 the -n
    /// innermost): `traceback.format_exception`.
    pub fn format_exception_with(
        &mut self,
        exc: &Value,
        tb: Option<Vec<TbEntry>>,
        chain: bool,
        limit: Option<i64>,
    ) -> String {
        crate::traceback_report::report(self, exc, tb, chain, ReportStyle::Module, limit)
    }

    /// The "Traceback (most recent call last):" block of `entries`, each
    /// line after `margin`, the header after `header_margin` (nothing
    /// when there are no entries or `sys.tracebacklimit` hides them all).
    pub(crate) fn format_tb_in(
        &mut self,
        entries: &[TbEntry],
        header: &str,
        header_margin: &str,
        margin: &str,
        out: &mut String,
    ) {
        let mut text = String::new();
        self.format_tb(entries, &mut text);
        let mut lines = text.split_inclusive('\n');
        if lines.next().is_none() {
            return;
        }
        out.push_str(header_margin);
        out.push_str(header);
        for line in lines {
            out.push_str(margin);
            out.push_str(line);
        }
    }

    /// Prints an exception with its traceback to sys.stderr.
    pub fn print_exception(&mut self, exc: &Value) {
        let text = self.format_exception(exc);
        self.write_stderr(&text);
    }

    /// Writes to `sys.stderr` (falling back to the raw output).
    pub fn write_stderr(&mut self, s: &str) {
        let k = self.names.stderr.clone();
        let sys = Value::Obj(self.sys.clone());
        if let Ok(Some(err)) = self.get_attr_opt(&sys, &k) {
            let text = self.str_val(s);
            if self.call_method(&err, "write", &[text]).is_ok() {
                let _ = self.call_method(&err, "flush", &[]);
                return;
            }
        }
        let out = self.output.clone();
        let _ = out.borrow_mut().write(true, s);
    }
}

/// Weighted edit distance used for "Did you mean" suggestions: inserting
/// or deleting a character costs 2, substituting costs 2 (1 when the
/// characters differ only in case). Gives up (returns `max + 1`) beyond
/// `max`.
fn suggestion_distance(a: &str, b: &str, max: usize) -> usize {
    const MOVE: usize = 2;
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Common prefix and suffix do not change the distance.
    let pre = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len().abs_diff(b.len()) * MOVE > max {
        return max + 1;
    }
    let sub = |x: char, y: char| {
        if x == y {
            0
        } else if x.to_lowercase().eq(y.to_lowercase()) {
            1
        } else {
            MOVE
        }
    };
    let mut row: Vec<usize> = (1..=b.len()).map(|i| i * MOVE).collect();
    let mut result = 0;
    for (i, &ca) in a.iter().enumerate() {
        let mut distance = i * MOVE;
        result = distance;
        let mut min_row = usize::MAX;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = distance + sub(ca, cb);
            distance = row[j];
            let insert_delete = result.min(distance) + MOVE;
            result = insert_delete.min(substitute);
            row[j] = result;
            min_row = min_row.min(result);
        }
        if min_row > max {
            return max + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, as CPython 3.11 picks suggestions.
pub fn best_suggestion(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > 750 || wrong.chars().count() > 40 {
        return None;
    }
    let wlen = wrong.chars().count();
    let mut best_distance = wlen;
    let mut suggestion: Option<String> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let max = ((c.chars().count() + wlen + 3) * 2 / 6).min(best_distance.saturating_sub(1));
        let d = suggestion_distance(wrong, c, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best_distance {
            suggestion = Some(c.clone());
            best_distance = d;
        }
    }
    suggestion
}

impl Vm {
    /// " Did you mean: 'x'?" for an uncaught NameError/AttributeError.
    fn suggestion_for(&mut self, exc: &Value) -> Option<String> {
        let nk = self.names.name.clone();
        let name = match self.get_attr_opt(exc, &nk).ok().flatten() {
            Some(n) => n.as_str()?.to_owned(),
            None => return None,
        };
        let mut candidates: Vec<String> = Vec::new();
        if self.is_instance(exc, &self.exc.attribute_error.clone()) {
            let ok = self.intern("obj");
            let obj = self.get_attr_opt(exc, &ok).ok().flatten()?;
            let dk = self.names.__dir__.clone();
            let names = self.call_special(&obj, &dk, &[]).ok().flatten()?;
            for n in self.iterate(&names).ok()? {
                if let Some(s) = n.as_str() {
                    candidates.push(s.to_owned());
                }
            }
            candidates.sort();
        } else if self.is_instance(exc, &self.exc.name_error.clone()) {
            let d = exc_data(exc)?;
            let innermost = d.traceback.borrow().first().cloned()?;
            // Locals of the failing frame (its variable names), then
            // globals, then builtins.
            if !matches!(
                innermost.code.co.kind,
                rpy_compiler::bytecode::CodeKind::Module
            ) {
                for n in innermost
                    .code
                    .varnames
                    .iter()
                    .chain(innermost.code.cellvars.iter())
                    .chain(innermost.code.freevars.iter())
                {
                    if let Some(s) = n.as_str() {
                        candidates.push(s.to_owned());
                    }
                }
            }
            if let Some(g) = &innermost.globals {
                for (k, _) in crate::objects::dict::entries(g) {
                    if let Some(s) = k.as_str() {
                        candidates.push(s.to_owned());
                    }
                }
            }
            for (k, _) in crate::objects::dict::entries(&self.builtins_dict.clone()) {
                if let Some(s) = k.as_str() {
                    candidates.push(s.to_owned());
                }
            }
        } else {
            return None;
        }
        best_suggestion(&name, &candidates).map(|s| format!(". Did you mean: '{s}'?"))
    }
}
