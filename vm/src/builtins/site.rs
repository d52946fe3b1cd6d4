//! `help`, `copyright`, `credits` and `license`: the interactive helpers
//! CPython's site module puts in builtins, which the REPL banner mentions.
//! Their text is rpy's own; `help(obj)` shows the object's docstring (rpy
//! has no pydoc), `help()` says so instead of starting a help utility.

use crate::native::Args;
use crate::object::Payload;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

const COPYRIGHT: &str = "Copyright (c) the rpy authors.\n\
rpy is an independent implementation of Python 3.11 in Rust; Python is a\n\
trademark of the Python Software Foundation.";

const CREDITS: &str =
    "    rpy stands on the Python language and its documentation, and on the\n    \
Rust crates it is built with (rustpython-parser, malachite, rustyline, ...).";

const LICENSE: &str = "rpy is distributed under the MIT license.";

const HELP_REPR: &str = "Type help() for interactive help, or help(object) for help about object.";

/// The text an informational object (`copyright`, ...) shows.
struct PrinterText(&'static str);

fn text_of(args: &Args) -> &'static str {
    args.this()
        .as_obj()
        .and_then(|o| o.native_data::<PrinterText>().map(|t| t.0))
        .unwrap_or("")
}

fn write_stdout(vm: &mut Vm, s: String) -> PyResult<()> {
    let sys = Value::Obj(vm.sys.clone());
    let out = vm.get_attr_str(&sys, "stdout")?;
    let t = vm.str_val(s);
    vm.call_method(&out, "write", &[t])?;
    Ok(())
}

fn printer_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = text_of(&args);
    Ok(vm.str_val(t))
}

fn printer_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = text_of(&args);
    args.exact_method::<1>(vm, "__call__")?;
    write_stdout(vm, format!("{t}\n"))?;
    Ok(Value::None)
}

fn helper_repr(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.str_val(HELP_REPR))
}

fn helper_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_this, obj] = args.range::<2>(vm, "help", 1, true)?;
    let text = match obj {
        None => "rpy has no interactive help utility; use help(object) for help about \
                 an object.\n"
            .to_owned(),
        Some(o) => describe(vm, o)?,
    };
    write_stdout(vm, text)?;
    Ok(Value::None)
}

/// `help(obj)`: the object's name, kind and docstring.
fn describe(vm: &mut Vm, obj: &Value) -> PyResult<String> {
    if obj.as_str().is_some() {
        return Ok(format!(
            "No Python documentation found for {}.\n\
             Use help() to get the interactive help utility.\n\
             Use help(str) for help on the str class.\n",
            vm.repr(obj)?
        ));
    }
    let kind = vm.type_name(obj).to_owned();
    let name = match vm.get_attr_str(obj, "__name__") {
        Ok(n) => n.as_str().map(|s| s.to_owned()),
        Err(_) => None,
    };
    let doc = match vm.get_attr_str(obj, "__doc__") {
        Ok(d) => d.as_str().map(|s| s.to_owned()),
        Err(_) => None,
    };
    let signature = match vm.get_attr_str(obj, "__text_signature__") {
        Ok(s) => s.as_str().map(|s| s.to_owned()),
        Err(_) => None,
    }
    .unwrap_or_default();
    let head = match &name {
        Some(n) => format!("Help on {kind} {n}:\n\n{n}{signature}\n"),
        None => format!("Help on {kind} object:\n\n"),
    };
    let body = match doc {
        Some(d) if !d.trim().is_empty() => d
            .lines()
            .map(|l| format!("    {}\n", l.trim_end()))
            .collect::<String>(),
        _ => "    (no documentation)\n".to_owned(),
    };
    Ok(format!("{head}{body}"))
}

fn add_instance(vm: &mut Vm, b: &PyRef, t: &PyRef, name: &str, data: Box<dyn std::any::Any>) {
    let o = vm.alloc(
        t.clone(),
        Payload::NativeData(std::cell::RefCell::new(data)),
    );
    vm.module_set(b, name, Value::Obj(o));
}

/// Adds `help`, `copyright`, `credits` and `license` to builtins.
pub fn init(vm: &mut Vm, b: &PyRef) {
    let printer = vm.new_native_type("_sitebuiltins", "_Printer", None);
    vm.add_methods(
        &printer,
        &[("__repr__", printer_repr), ("__call__", printer_call)],
    );
    for (name, text) in [
        ("copyright", COPYRIGHT),
        ("credits", CREDITS),
        ("license", LICENSE),
    ] {
        add_instance(vm, b, &printer, name, Box::new(PrinterText(text)));
    }
    let helper = vm.new_native_type("_sitebuiltins", "_Helper", None);
    vm.add_methods(
        &helper,
        &[("__repr__", helper_repr), ("__call__", helper_call)],
    );
    add_instance(vm, b, &helper, "help", Box::new(()));
}
