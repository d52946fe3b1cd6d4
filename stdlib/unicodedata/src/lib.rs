//! rpy's native `unicodedata`, so far only its names: `lookup` (what
//! `re`'s `\N{...}` escape uses), `name` and `unidata_version`. Names come
//! from the `unicode_names2` tables; the other functions of CPython's
//! module are not there yet (AttributeError).
#![forbid(unsafe_code)]

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, OptArg, PyRef, PyResult, Value, Vm};

/// Makes `unicodedata` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `unicodedata` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("unicodedata", Rc::new(init));
}

fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("unicodedata");
    m.function("lookup", lookup).params(&["name", "/"]);
    m.function("name", name).params(&["chr", "default", "/"]);
    m.value("unidata_version", "14.0.0");
    m.build(vm)
}

/// `lookup(name)`: the character of that name (KeyError otherwise).
fn lookup(vm: &mut Vm, name: String) -> PyResult<String> {
    match unicode_names2::character(&name) {
        Some(c) => Ok(c.to_string()),
        None => {
            let msg = vm.str_val(format!("undefined character name '{name}'"));
            Err(vm.key_error(msg))
        }
    }
}

/// `name(chr, default)`: the character's name, else `default` or
/// ValueError.
fn name(vm: &mut Vm, c: Value, default: OptArg<Value>) -> PyResult<Value> {
    let s: String = rpy_vm::FromPython::from_python(vm, &c)?;
    let mut it = s.chars();
    let (Some(ch), None) = (it.next(), it.next()) else {
        let n = s.chars().count();
        return Err(vm.type_error(format!(
            "name() argument 1 must be a unicode character, not str of length {n}"
        )));
    };
    match unicode_names2::name(ch) {
        Some(n) => Ok(vm.str_val(n.to_string())),
        None => match default.into_option() {
            Some(d) => Ok(d),
            None => Err(vm.value_error("no such name")),
        },
    }
}
