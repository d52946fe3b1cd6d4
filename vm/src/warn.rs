//! Run-time warnings the VM itself issues (a coroutine never awaited),
//! shown as CPython's default `warnings` display shows them: once per
//! location and text (recorded in the module's `__warningregistry__`, as
//! the "default" action does), as `file:line: Category: message` and the
//! stripped source line.

use std::rc::Rc;

use crate::objects::code::Code;
use crate::value::{PyRef, Value};
use crate::vm::Vm;

/// Where a warning is reported: the code and instruction running when it
/// was issued, with that code's module globals.
#[derive(Clone, Copy)]
pub(crate) struct WarnSite<'a> {
    pub code: &'a Rc<Code>,
    pub lasti: usize,
    pub globals: &'a PyRef,
}

impl Vm {
    /// Shows `message` of `category` for `site` (or as CPython shows
    /// warnings issued when no Python code runs: `sys:1:`). With
    /// `has_source` (the warning is about an object, as an unawaited
    /// coroutine), CPython adds a hint about tracemalloc.
    pub(crate) fn warn_at(
        &mut self,
        category: &PyRef,
        message: &str,
        site: Option<WarnSite<'_>>,
        has_source: bool,
    ) {
        let cat = category
            .as_type()
            .map(|t| t.name.borrow().clone())
            .unwrap_or_else(|| "Warning".to_owned());
        let Some(site) = site else {
            self.write_stderr(&format!("sys:1: {cat}: {message}\n"));
            return;
        };
        let line = site.code.co.location(site.lasti).line;
        if !self.first_warning(site.globals, category, message, line) {
            return;
        }
        let filename = site.code.co.filename.clone();
        let mut out = format!("{filename}:{line}: {cat}: {message}\n");
        if let Some(text) = self.source_line(&filename, line) {
            let text = text.trim();
            if !text.is_empty() {
                out.push_str(&format!("  {text}\n"));
            }
        }
        if has_source {
            out.push_str(&format!(
                "{cat}: Enable tracemalloc to get the object allocation traceback\n"
            ));
        }
        self.write_stderr(&out);
    }

    /// Records the warning in the module's `__warningregistry__`; false if
    /// it was shown there before.
    fn first_warning(&mut self, globals: &PyRef, category: &PyRef, text: &str, line: u32) -> bool {
        let registry = match self.dict_get_str(globals, "__warningregistry__") {
            Some(Value::Obj(d)) if d.class_is(&self.types.dict) => d,
            _ => {
                let d = self.new_dict_ref();
                let _ = self.dict_set_str(&d, "version", Value::Int(0));
                if self
                    .dict_set_str(globals, "__warningregistry__", Value::Obj(d.clone()))
                    .is_err()
                {
                    return true;
                }
                d
            }
        };
        let text = self.str_val(text.to_owned());
        let key = self.new_tuple(vec![
            text,
            Value::Obj(category.clone()),
            Value::Int(i64::from(line)),
        ]);
        match self.dict_get(&registry, &key) {
            Ok(Some(Value::Bool(true))) => false,
            _ => {
                let _ = self.dict_set(&registry, key, Value::Bool(true));
                true
            }
        }
    }
}
