//! The `builtins` module: the built-in types and exceptions under their
//! Python names, and the built-in functions (one file per group; add new
//! functions to the file of their group or a new file, and register them
//! in `init`).

mod build_class;
pub(crate) mod docs;
mod functions;
mod introspect;
mod open;
mod site;

use crate::value::Value;
use crate::vm::Vm;

/// Fills the `builtins` module.
pub fn init(vm: &mut Vm) {
    let b = vm.builtins.clone();
    vm.module_add_fn(&b, "open", open::open);
    let t = vm.types.clone();
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ] {
        vm.module_set(&b, name, Value::Obj(ty.clone()));
    }
    for (name, cls) in vm.exc.all() {
        vm.module_set(&b, name, Value::Obj(cls));
    }
    let os_error = Value::Obj(vm.exc.os_error.clone());
    vm.module_set(&b, "EnvironmentError", os_error.clone());
    vm.module_set(&b, "IOError", os_error);
    vm.module_set(&b, "None", Value::None);
    vm.module_set(&b, "True", Value::Bool(true));
    vm.module_set(&b, "False", Value::Bool(false));
    let ni = vm.not_implemented();
    vm.module_set(&b, "NotImplemented", ni);
    let el = Value::Obj(vm.ellipsis.clone());
    vm.module_set(&b, "Ellipsis", el);
    vm.module_set(&b, "__debug__", Value::Bool(true));
    let n = vm.str_val("builtins");
    vm.module_set(&b, "__name__", n);
    functions::init(vm, &b);
    functions::init_quitters(vm, &b);
    site::init(vm, &b);
    introspect::init(vm, &b);
    build_class::init(vm, &b);
}
