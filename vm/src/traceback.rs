//! Tracebacks: traceback objects for `__traceback__`, and printing an
//! exception (with its cause/context chain) exactly as CPython 3.11 does,
//! source lines and caret lines included.

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
    pub next: Option<PyRef>,
    pub globals: Option<PyRef>,
    /// The frame object (`tb_frame`).
    pub frame: Option<PyRef>,
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
            next: next.take(),
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
                cur = d.next.clone();
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
        Some(Payload::Traceback(t)) => Ok(t.next.clone().map(Value::Obj).unwrap_or(Value::None)),
        _ => Err(vm.type_error("expected a traceback")),
    }
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
    vm.add_getset(&t, "tb_next", tb_next, None);
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

    /// The final "Type: message" line(s) of an exception.
    pub fn format_exception_only(&mut self, exc: &Value) -> String {
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
        let is_syntax = self.is_instance(exc, &self.exc.syntax_error.clone());
        if is_syntax {
            if let Some(s) = self.format_syntax_error(exc, &tname) {
                return s;
            }
        }
        let msg = match self.str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_owned(),
        };
        out.push_str(&tname);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        if let Some(sugg) = self.suggestion_for(exc) {
            out.push_str(&sugg);
        }
        out.push('\n');
        // __notes__
        let k = self.intern("__notes__");
        if let Ok(Some(notes)) = self.get_attr_opt(exc, &k) {
            if let Ok(items) = self.iterate(&notes) {
                for n in items {
                    if let Ok(s) = self.str(&n) {
                        out.push_str(&s);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    fn format_syntax_error(&mut self, exc: &Value, tname: &str) -> Option<String> {
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
        let end_offset = get(self, "end_offset");
        let msg = get(self, "msg");
        let mut out = String::new();
        let fname = filename.as_str().unwrap_or("<string>").to_owned();
        if let Value::Int(l) = lineno {
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
        self.format_exception_with(exc, None, true)
    }

    /// As `format_exception`, but with `tb` (entries, innermost first as
    /// stored) in place of the exception's own traceback, and the
    /// cause/context chain only when `chain` is set: `traceback.format_exception`.
    pub fn format_exception_with(
        &mut self,
        exc: &Value,
        tb: Option<Vec<TbEntry>>,
        chain: bool,
    ) -> String {
        let mut seen: Vec<i64> = Vec::new();
        let mut out = String::new();
        self.format_chain(exc, &mut seen, &mut out, 0, tb, chain);
        out
    }

    fn format_chain(
        &mut self,
        exc: &Value,
        seen: &mut Vec<i64>,
        out: &mut String,
        depth: usize,
        tb: Option<Vec<TbEntry>>,
        chain: bool,
    ) {
        seen.push(exc.id());
        if let Some(d) = exc_data(exc) {
            let cause = d.cause.borrow().clone();
            let context = d.context.borrow().clone();
            let suppress = d.suppress_context.get();
            if chain && depth < 100 {
                if !cause.is_none() && !seen.contains(&cause.id()) {
                    self.format_chain(&cause, seen, out, depth + 1, None, true);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                } else if cause.is_none()
                    && !context.is_none()
                    && !suppress
                    && !seen.contains(&context.id())
                {
                    self.format_chain(&context, seen, out, depth + 1, None, true);
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
            let entries = tb.unwrap_or_else(|| d.traceback.borrow().clone());
            self.format_tb(&entries, out);
        }
        let line = self.format_exception_only(exc);
        out.push_str(&line);
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
