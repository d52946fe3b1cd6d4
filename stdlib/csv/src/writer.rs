//! `_csv.writer`: formats rows as delimited lines with the dialect's
//! quoting and escaping, and passes each to the file's `write`.

use rpy_vm::{ClassDef, KwArgs, Native, NativeClass, OptArg, PyResult, Value, Vm};

use crate::dialect::{resolve, Dialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::state;

/// A writer object: the file's `write` and the dialect.
pub struct Writer {
    write: Option<Value>,
    dialect: Dialect,
    dialect_obj: Option<Value>,
}

impl NativeClass for Writer {
    const NAME: &'static str = "writer";
    const MODULE: &'static str = "_csv";

    fn define(c: &mut ClassDef<Self>) {
        c.method("writerow", writerow);
        c.method("writerows", writerows);
        c.getter("dialect", |w: &Self| {
            w.dialect_obj.clone().unwrap_or(Value::None)
        });
    }

    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.write.iter().for_each(&mut *visit);
        self.dialect_obj.iter().for_each(visit);
    }

    fn clear(&mut self, out: &mut Vec<Value>) {
        out.extend(self.write.take());
        out.extend(self.dialect_obj.take());
    }
}

/// `writer(fileobj, dialect='excel', **fmtparams)`.
pub fn writer(vm: &mut Vm, file: Value, dialect: OptArg<Value>, kw: KwArgs) -> PyResult<Value> {
    let write = match vm.get_attr_str(&file, "write") {
        Ok(w) => w,
        Err(_) => {
            return Err(vm.type_error("argument 1 must have a \"write\" method"));
        }
    };
    let d = resolve(vm, dialect.0, kw.0)?;
    let dialect_obj = vm.new_native_object(d.clone());
    Ok(vm.new_native_object(Writer {
        write: Some(write),
        dialect: d,
        dialect_obj: Some(dialect_obj),
    }))
}

/// Whether `v` is a number to `QUOTE_NONNUMERIC` (CPython's
/// `PyNumber_Check`: int, float, complex, or anything with `__index__`,
/// `__int__` or `__float__`).
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_)) || vm.is_index(v) {
        return true;
    }
    ["__float__", "__int__", "__complex__"]
        .iter()
        .any(|m| vm.get_attr_str(v, m).is_ok())
}

/// Appends one field to `line`, quoting or escaping as the dialect says.
fn append_field(
    vm: &mut Vm,
    d: &Dialect,
    line: &mut String,
    field: &str,
    mut quoted: bool,
) -> PyResult<()> {
    let special = |c: char| {
        c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || d.lineterminator.contains(c)
    };
    // First pass: whether the field needs quotes, and errors.
    for c in field.chars().filter(|&c| special(c)) {
        let want_escape = if d.quoting == QUOTE_NONE {
            true
        } else if Some(c) == d.quotechar {
            !d.doublequote
        } else {
            Some(c) == d.escapechar
        };
        if want_escape && d.escapechar.is_none() {
            return Err(state::error(vm, "need to escape, but no escapechar set"));
        }
        if !want_escape {
            quoted = true;
        }
    }
    let q = d.quotechar.filter(|_| quoted);
    line.extend(q);
    for c in field.chars() {
        if special(c) {
            if d.quoting != QUOTE_NONE && Some(c) == d.quotechar && d.doublequote {
                line.push(c);
            } else if d.quoting == QUOTE_NONE || Some(c) == d.quotechar || Some(c) == d.escapechar {
                line.extend(d.escapechar);
            }
        }
        line.push(c);
    }
    line.extend(q);
    Ok(())
}

/// `writerow(row)`: the line, passed to `write` (its result returned).
fn writerow(vm: &mut Vm, this: Native<Writer>, row: Value) -> PyResult<Value> {
    let (write, d) = this.with(vm, |w| (w.write.clone(), w.dialect.clone()))?;
    let Ok(iter) = vm.get_iter(&row) else {
        let t = vm.type_name(&row);
        return Err(state::error(vm, format!("iterable expected, not {t}")));
    };
    let mut line = String::new();
    let mut n = 0usize;
    while let Some(field) = vm.next(&iter)? {
        if n > 0 {
            line.push(d.delimiter);
        }
        n += 1;
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = match &field {
            Value::None => String::new(),
            v => match v.as_str() {
                Some(s) => s.to_owned(),
                None => vm.str(v)?,
            },
        };
        append_field(vm, &d, &mut line, &text, quoted)?;
    }
    if n == 1 && line.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(state::error(vm, "single empty field record must be quoted"));
        }
        append_field(vm, &d, &mut line, "", true)?;
    }
    line.push_str(&d.lineterminator);
    let Some(write) = write else {
        return Err(vm.value_error("the writer was cleared"));
    };
    let s = vm.str_val(line);
    vm.call(&write, &[s])
}

/// `writerows(rows)`: `writerow` for each row.
fn writerows(vm: &mut Vm, this: Native<Writer>, rows: Value) -> PyResult<()> {
    let iter = vm.get_iter(&rows)?;
    while let Some(row) = vm.next(&iter)? {
        writerow(vm, this.clone(), row)?;
    }
    Ok(())
}
