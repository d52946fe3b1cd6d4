//! `_string`: the two helpers `string.Formatter` is built on —
//! `formatter_parser` (a format string's literal text and fields) and
//! `formatter_field_name_split` (a field name's first part and its
//! accessors) — as lazy iterators over the grammar in `format_markup.rs`.

use rpy_vm::{ClassDef, ModuleDef, NativeClass, PyRef, PyResult, Value, Vm};

use crate::format_markup::{self, Key};

/// The iterator `formatter_parser` returns.
struct FormatterIterator {
    text: Vec<char>,
    pos: usize,
}

impl NativeClass for FormatterIterator {
    const NAME: &'static str = "formatteriterator";
    const MODULE: &'static str = "builtins";
    fn define(c: &mut ClassDef<Self>) {
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            let step = this.with_mut(vm, |t| format_markup::next_chunk(&t.text, &mut t.pos))?;
            let chunk = match step {
                None => return Ok(None),
                Some(Err(msg)) => return Err(vm.value_error(msg)),
                Some(Ok(c)) => c,
            };
            let literal = vm.str_val(chunk.literal);
            let (name, spec, conv) = match chunk.field {
                None => (Value::None, Value::None, Value::None),
                Some(f) => {
                    let conv = match f.conversion {
                        Some(c) => vm.str_val(c.to_string()),
                        None => Value::None,
                    };
                    (vm.str_val(f.name), vm.str_val(f.spec), conv)
                }
            };
            Ok(Some(vm.new_tuple(vec![literal, name, spec, conv])))
        });
    }
}

/// The iterator over a field name's accessors.
struct FieldNameIterator {
    text: Vec<char>,
    pos: usize,
}

impl NativeClass for FieldNameIterator {
    const NAME: &'static str = "fieldnameiterator";
    const MODULE: &'static str = "builtins";
    fn define(c: &mut ClassDef<Self>) {
        c.iter(|_vm, this| Ok(this.value()));
        c.next(|vm, this| {
            let step = this.with_mut(vm, |t| format_markup::next_accessor(&t.text, &mut t.pos))?;
            match step {
                None => Ok(None),
                Some(Err(msg)) => Err(vm.value_error(msg)),
                Some(Ok((is_attr, k))) => {
                    let k = key_value(vm, k);
                    Ok(Some(vm.new_tuple(vec![Value::Bool(is_attr), k])))
                }
            }
        });
    }
}

fn key_value(vm: &mut Vm, k: Key) -> Value {
    match k {
        Key::Index(i) => Value::Int(i),
        Key::Name(s) => vm.str_val(s),
    }
}

/// The characters of a str argument ("expected str, got int" otherwise).
fn text_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<char>> {
    match v.as_str() {
        Some(s) => {
            // The characters take up to four times the text's bytes.
            vm.check_alloc(s.len().saturating_mul(4))?;
            Ok(s.chars().collect())
        }
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("expected str, got {t}")))
        }
    }
}

/// Makes the `_string` module.
pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_string");
    let parser = m.function(
        "formatter_parser",
        |vm: &mut Vm, s: Value| -> PyResult<Value> {
            let text = text_arg(vm, &s)?;
            Ok(vm.new_native_object(FormatterIterator { text, pos: 0 }))
        },
    );
    crate::qualify(parser, "_string");
    let split = m.function(
        "formatter_field_name_split",
        |vm: &mut Vm, s: Value| -> PyResult<Value> {
            let text = text_arg(vm, &s)?;
            let (first, pos) = format_markup::field_first(&text).map_err(|m| vm.value_error(m))?;
            let first = key_value(vm, first);
            let rest = vm.new_native_object(FieldNameIterator { text, pos });
            Ok(vm.new_tuple(vec![first, rest]))
        },
    );
    crate::qualify(split, "_string");
    m.build(vm)
}
