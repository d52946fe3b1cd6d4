//! rpy's native `_sre`: the regular expression engine under CPython
//! 3.11's own `re` package (which runs unchanged). `re._compiler` turns a
//! pattern into SRE code words; `_sre.compile` wraps them in a
//! `re.Pattern` whose methods run them on the backtracking matcher of
//! `engine.rs`.
//!
//! Layout: `opcodes.rs` (the code word numbers, MAGIC 20220615),
//! `chars.rs` (character classes and case mappings), `engine.rs` (the
//! matcher), `text.rs` (subjects), `search.rs` (one run from Python),
//! `pattern.rs`, `matchobj.rs`, `scanner.rs` (the Python types).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_sre::register(&mut interp);
//! assert!(interp.run_source("import _sre\nassert _sre.MAGIC == 20220615", "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod chars;
mod engine;
mod matchobj;
mod opcodes;
mod pattern;
mod scanner;
mod search;
mod text;

use std::rc::Rc;

use rpy_vm::{Interpreter, ModuleDef, Payload, PyRef, PyResult, Value, Vm};

use pattern::Pattern;
use search::Program;

/// Makes `_sre` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_sre` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_sre", Rc::new(init));
}

fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let mut m = ModuleDef::new("_sre");
    m.function("compile", compile).params(&[
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ]);
    m.function("getcodesize", || opcodes::CODESIZE);
    m.function("ascii_iscased", |ch: i64| {
        u32::try_from(ch).is_ok_and(chars::ascii_is_cased)
    })
    .params(&["character", "/"]);
    m.function("unicode_iscased", |ch: i64| {
        u32::try_from(ch).is_ok_and(chars::uni_is_cased)
    })
    .params(&["character", "/"]);
    m.function("ascii_tolower", |ch: i64| match u32::try_from(ch) {
        Ok(c) => i64::from(chars::ascii_lower(c)),
        Err(_) => ch,
    })
    .params(&["character", "/"]);
    m.function("unicode_tolower", |ch: i64| match u32::try_from(ch) {
        Ok(c) => i64::from(chars::uni_lower(c)),
        Err(_) => ch,
    })
    .params(&["character", "/"]);
    m.value("MAGIC", opcodes::MAGIC);
    m.value("CODESIZE", opcodes::CODESIZE);
    m.value("MAXREPEAT", opcodes::MAXREPEAT);
    m.value("MAXGROUPS", opcodes::MAXGROUPS);
    m.value(
        "copyright",
        "rpy's SRE engine, for CPython 3.11's re package",
    );
    m.build(vm)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(
    vm: &mut Vm,
    pattern: Value,
    flags: i64,
    code: Value,
    groups: i64,
    groupindex: Value,
    indexgroup: Value,
) -> PyResult<Value> {
    let items = match code.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => {
            let n = vm.type_name(&code);
            return Err(vm.type_error(format!("compile() argument 3 must be list, not {n}")));
        }
    };
    let mut words = Vec::with_capacity(items.len());
    for v in &items {
        let w = vm.to_i64(v)?;
        match u32::try_from(w) {
            Ok(w) => words.push(w),
            Err(_) => return Err(vm.overflow_error("regular expression code size limit exceeded")),
        }
    }
    if !matches!(groupindex.payload(), Some(Payload::Dict(_))) {
        let n = vm.type_name(&groupindex);
        return Err(vm.type_error(format!("compile() argument 5 must be dict, not {n}")));
    }
    if !matches!(indexgroup.payload(), Some(Payload::Tuple(_))) {
        let n = vm.type_name(&indexgroup);
        return Err(vm.type_error(format!("compile() argument 6 must be tuple, not {n}")));
    }
    let groups = usize::try_from(groups)
        .ok()
        .filter(|&g| g <= opcodes::MAXGROUPS as usize)
        .ok_or_else(|| vm.overflow_error("regular expression group count is too large"))?;
    let bytes = match pattern.payload() {
        Some(Payload::Str(_)) => Some(false),
        None if matches!(pattern, Value::None) => None,
        _ => Some(true),
    };
    // A read-only view of a copy, as CPython's `groupindex` is.
    let types = vm.import_module("types")?;
    let proxy = vm.get_attr_str(&types, "MappingProxyType")?;
    let copy = vm.call_method(&groupindex, "copy", &[])?;
    let groupindex = vm.call(&proxy, &[copy])?;
    let p = Pattern {
        prog: Rc::new(Program {
            code: words.into_boxed_slice(),
            groups,
            bytes,
        }),
        pattern,
        flags,
        groupindex,
        indexgroup,
    };
    Ok(vm.new_native_object(p))
}
