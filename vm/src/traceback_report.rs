//! The whole report CPython 3.11 prints for an exception: the cause and
//! context chain, each traceback, and exception groups drawn as nested
//! boxes (`+-+---------------- 1 ----------------`, `| ` margins, at most
//! 15 members and 10 levels shown), following pythonrun.c's
//! print_exception_recursive. The single pieces (traceback entries, the
//! "Type: message" line, notes) come from `traceback.rs`.

use std::collections::HashSet;

use crate::objects::exception::{exc_data, TbEntry};
use crate::objects::exception_group::{group_parts, is_group};
use crate::traceback::ReportStyle;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's defaults for the boxes of exception groups.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// How deep cause/context chains and groups are followed.
const MAX_NESTING: usize = 100;

const CAUSE_MESSAGE: &str =
    "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str =
    "During handling of the above exception, another exception occurred:\n";

struct Report {
    /// Exceptions already printed (by id), so chains stop at a cycle.
    seen: HashSet<i64>,
    /// How many group boxes enclose what is printed now.
    group_depth: usize,
    /// The last member of a group still needs its closing line.
    need_close: bool,
    chain: bool,
    /// Entries replacing the reported exception's own traceback (by id).
    top_tb: Option<(i64, Vec<TbEntry>)>,
    notes: ReportStyle,
    /// `traceback.format_exception`'s limit, applied to every traceback.
    limit: Option<i64>,
    nesting: usize,
    out: String,
}

/// The report for `exc`; `tb` replaces its own traceback; `chain` follows
/// `__cause__`/`__context__`.
pub(crate) fn report(
    vm: &mut Vm,
    exc: &Value,
    tb: Option<Vec<TbEntry>>,
    chain: bool,
    notes: ReportStyle,
    limit: Option<i64>,
) -> String {
    let mut r = Report {
        seen: HashSet::new(),
        group_depth: 0,
        need_close: false,
        chain,
        top_tb: tb.map(|t| (exc.id(), t)),
        notes,
        limit,
        nesting: 0,
        out: String::new(),
    };
    r.recursive(vm, exc);
    r.out
}

impl Report {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// The indentation and `| ` of the current box (nothing outside one).
    fn margin(&self) -> String {
        if self.group_depth == 0 {
            String::new()
        } else {
            format!("{}| ", self.indent())
        }
    }

    fn recursive(&mut self, vm: &mut Vm, exc: &Value) {
        self.nesting += 1;
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            if self.chain && self.nesting < MAX_NESTING {
                self.cause_and_context(vm, exc);
            }
            if is_group(vm, exc) {
                self.group(vm, exc);
            } else {
                self.exception(vm, exc);
            }
        });
        self.nesting -= 1;
    }

    fn cause_and_context(&mut self, vm: &mut Vm, exc: &Value) {
        self.seen.insert(exc.id());
        let Some(d) = exc_data(exc) else { return };
        let cause = d.cause.borrow().clone();
        let context = d.context.borrow().clone();
        let suppress = d.suppress_context.get();
        if !cause.is_none() {
            if !self.seen.contains(&cause.id()) {
                self.chained(vm, &cause, CAUSE_MESSAGE);
            }
        } else if !suppress && !context.is_none() && !self.seen.contains(&context.id()) {
            self.chained(vm, &context, CONTEXT_MESSAGE);
        }
    }

    fn chained(&mut self, vm: &mut Vm, exc: &Value, message: &str) {
        let need_close = self.need_close;
        self.recursive(vm, exc);
        self.need_close = need_close;
        let m = self.margin();
        self.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
    }

    /// The traceback and the message of one exception (a group's own part).
    fn exception(&mut self, vm: &mut Vm, exc: &Value) {
        let margin = self.margin();
        let mut entries = match self.top_tb.take_if(|(id, _)| *id == exc.id()) {
            Some((_, t)) => t,
            None => exc_data(exc)
                .map(|d| d.traceback.borrow().clone())
                .unwrap_or_default(),
        };
        if let Some(n) = self.limit {
            // Entries run innermost first: the outermost are at the end.
            let len = entries.len();
            let keep = n.unsigned_abs().min(len as u64) as usize;
            if n >= 0 {
                entries.drain(..len - keep);
            } else {
                entries.truncate(keep);
            }
        }
        if !entries.is_empty() {
            let (header, header_margin) = if is_group(vm, exc) {
                let hm = if self.group_depth == 1 {
                    format!("{}+ ", self.indent())
                } else {
                    margin.clone()
                };
                ("Exception Group Traceback (most recent call last):\n", hm)
            } else {
                ("Traceback (most recent call last):\n", margin.clone())
            };
            vm.format_tb_in(&entries, header, &header_margin, &margin, &mut self.out);
        }
        let text = vm.format_exception_only_in(exc, &margin, self.notes);
        self.out.push_str(&text);
    }

    fn group(&mut self, vm: &mut Vm, exc: &Value) {
        if self.group_depth > MAX_GROUP_DEPTH {
            let m = self.margin();
            self.out
                .push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.exception(vm, exc);
        let members = group_parts(exc).map(|(_, m)| m).unwrap_or_default();
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i + 1 == n;
            if last {
                // The closing line may come from a nested group instead.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let corner = if i == 0 { "+-" } else { "  " };
            let title = if truncated {
                "...".to_owned()
            } else {
                (i + 1).to_string()
            };
            self.out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            ));
            self.group_depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let s = if remaining > 1 { "s" } else { "" };
                let m = self.margin();
                self.out
                    .push_str(&format!("{m}and {remaining} more exception{s}\n"));
            } else {
                self.recursive(vm, member);
            }
            if last && self.need_close {
                self.out.push_str(&format!(
                    "{}+------------------------------------\n",
                    self.indent()
                ));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth = 0;
        }
    }
}
