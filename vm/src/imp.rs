//! The `_imp` module: what CPython's `importlib` asks of the native
//! import system. rpy's import is its own (`import.rs`); `_imp` describes
//! it in importlib's terms: native modules are "built-in" (created by
//! their initialiser), nothing is "frozen" in CPython's sense (rpy's
//! frozen library stands on `sys.path` as source files), no extension
//! modules load, and the import lock is a counter (VM threads switch only
//! at known points).

use crate::native::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// How often the import lock is held (`acquire_lock` nests).
fn lock_count(vm: &mut Vm) -> Option<&mut u32> {
    vm.extensions
        .entry("imp.lock")
        .or_insert_with(|| Box::new(0u32))
        .downcast_mut::<u32>()
}

fn acquire_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "acquire_lock")?;
    if let Some(n) = lock_count(vm) {
        *n = n.saturating_add(1);
    }
    Ok(Value::None)
}

fn release_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "release_lock")?;
    match lock_count(vm) {
        Some(n) if *n > 0 => {
            *n -= 1;
            Ok(Value::None)
        }
        _ => {
            let c = vm.exc.runtime_error.clone();
            Err(vm.new_error(&c, "not holding the import lock"))
        }
    }
}

fn lock_held(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "lock_held")?;
    Ok(Value::Bool(lock_count(vm).is_some_and(|n| *n > 0)))
}

fn name_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_owned()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{fname}() argument must be str, not {t}")))
        }
    }
}

/// `is_builtin(name)`: 1 for a native module, -1 for `sys` and
/// `builtins` (which cannot be created again), 0 otherwise.
fn is_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact(vm, "is_builtin")?;
    let name = name_arg(vm, name, "is_builtin")?;
    Ok(Value::Int(if name == "sys" || name == "builtins" {
        -1
    } else if vm.native_module(&name).is_some() {
        1
    } else {
        0
    }))
}

/// The module a native initialiser makes for `spec.name` (the loaded one
/// for `sys`, `builtins` and modules already in `sys.modules`); None if
/// there is no such native module.
pub(crate) fn create_builtin_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let name = vm.get_attr_str(spec, "name")?;
    let name = name_arg(vm, &name, "create_builtin")?;
    if let Some(m) = vm.loaded_module(&name) {
        if matches!(m.payload(), Some(crate::object::Payload::Module(_))) {
            return Ok(m);
        }
    }
    match vm.native_module(&name) {
        Some(init) => Ok(Value::Obj(init(vm)?)),
        None => Ok(Value::None),
    }
}

fn create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [spec] = args.exact(vm, "create_builtin")?;
    create_builtin_from_spec(vm, spec)
}

fn exec_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>(vm, "exec_builtin")?;
    Ok(Value::Int(0))
}

fn is_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact(vm, "is_frozen")?;
    name_arg(vm, name, "is_frozen")?;
    Ok(Value::Bool(false))
}

fn find_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, _] = args.bind(vm, "find_frozen", ["name", "withdata"], 1)?;
    if let Some(n) = name {
        name_arg(vm, n, "find_frozen")?;
    }
    Ok(Value::None)
}

fn no_frozen(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let r = vm.repr(name)?;
    Err(vm.import_error(format!("No such frozen object named {r}")))
}

fn get_frozen_object(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, _] = args.range::<2>(vm, "get_frozen_object", 1, false)?;
    let name = name.cloned().unwrap_or(Value::None);
    no_frozen(vm, &name)
}

fn is_frozen_package(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact(vm, "is_frozen_package")?;
    no_frozen(vm, name)
}

fn init_frozen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>(vm, "init_frozen")?;
    Ok(Value::None)
}

fn frozen_module_names(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "_frozen_module_names")?;
    Ok(vm.new_tuple(vec![]))
}

fn override_frozen_modules_for_tests(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>(vm, "_override_frozen_modules_for_tests")?;
    Ok(Value::None)
}

fn extension_suffixes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "extension_suffixes")?;
    Ok(vm.new_list(vec![]))
}

fn no_extensions(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.import_error("rpy cannot load extension modules (it runs no C code)"))
}

/// `_fix_co_filename(code, path)`: rpy compiles source with its real file
/// name, so there is nothing to fix.
fn fix_co_filename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<2>(vm, "_fix_co_filename")?;
    Ok(Value::None)
}

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed by
/// (`key`, 0), as 8 little-endian bytes (hash-based .pyc files).
fn source_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [key, source] = args.bind(vm, "source_hash", ["key", "source"], 2)?;
    let (Some(key), Some(source)) = (key, source) else {
        return Err(vm.system_error("source_hash: arguments not bound"));
    };
    let key = vm.to_i64(key)? as u64;
    let data = match source.payload() {
        Some(crate::object::Payload::Bytes(b)) => b.to_vec(),
        Some(crate::object::Payload::ByteArray(b)) => b.borrow().to_vec(),
        _ => {
            let t = vm.type_name(source);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
        }
    };
    let h = siphash13(key, 0, &data);
    Ok(vm.new_bytes(h.to_le_bytes().to_vec()))
}

/// SipHash with one compression and three finalization rounds.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let m = u64::from_le_bytes(w);
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    let b = u64::from_le_bytes(last) | ((data.len() as u64 & 0xff) << 56);
    v[3] ^= b;
    round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    for _ in 0..3 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// `_frozen_importlib` and `_frozen_importlib_external`, CPython's names
/// for the import system's two modules: here importlib's own
/// `_bootstrap` and `_bootstrap_external` (as in CPython, one copy), once
/// the `importlib` package has set them up (ImportError before, which
/// `importlib/__init__.py` expects while it runs).
fn alias_of(vm: &mut Vm, name: &str) -> PyResult<crate::value::PyRef> {
    vm.import_module("importlib")?;
    match vm.loaded_module(name) {
        Some(Value::Obj(m)) => Ok(m),
        _ => Err(vm.import_error(format!("{name} is not set up yet"))),
    }
}

pub fn init_frozen_importlib(vm: &mut Vm) -> PyResult<crate::value::PyRef> {
    alias_of(vm, "importlib._bootstrap")
}

pub fn init_frozen_importlib_external(vm: &mut Vm) -> PyResult<crate::value::PyRef> {
    alias_of(vm, "importlib._bootstrap_external")
}

/// `_io.open_code(path)` where `_io` lacks it: `io.open(path, "rb")`.
fn io_open_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [path] = args.bind(vm, "open_code", ["path"], 1)?;
    let path = path.cloned().unwrap_or(Value::None);
    name_arg(vm, &path, "open_code")?;
    let io = vm.import_module("io")?;
    let open = vm.get_attr_str(&io, "open")?;
    let mode = vm.str_val("rb");
    vm.call(&open, &[path, mode])
}

pub fn init(vm: &mut Vm) -> PyResult<crate::value::PyRef> {
    // importlib's file loaders read through `_io.open_code`.
    if let Ok(Value::Obj(io)) = vm.import_module("_io") {
        if vm.module_get(&io, "open_code").is_none() {
            vm.module_add_fn(&io, "open_code", io_open_code);
        }
    }
    let m = vm.new_module("_imp");
    let doc = vm.str_val("(Extremely) low-level import machinery bits as used by importlib.");
    vm.module_set(&m, "__doc__", doc);
    vm.module_add_fns(
        &m,
        &[
            ("acquire_lock", acquire_lock),
            ("release_lock", release_lock),
            ("lock_held", lock_held),
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_builtin),
            ("is_frozen", is_frozen),
            ("find_frozen", find_frozen),
            ("get_frozen_object", get_frozen_object),
            ("is_frozen_package", is_frozen_package),
            ("init_frozen", init_frozen),
            ("_frozen_module_names", frozen_module_names),
            (
                "_override_frozen_modules_for_tests",
                override_frozen_modules_for_tests,
            ),
            ("extension_suffixes", extension_suffixes),
            ("create_dynamic", no_extensions),
            ("exec_dynamic", no_extensions),
            ("_fix_co_filename", fix_co_filename),
            ("source_hash", source_hash),
        ],
    );
    let never = vm.str_val("default");
    vm.module_set(&m, "check_hash_based_pycs", never);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::siphash13;

    #[test]
    fn siphash13_matches_cpython_source_hash() {
        // Values of CPython 3.11's _imp.source_hash(key, data).hex().
        let hex = |h: u64| {
            h.to_le_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        assert_eq!(hex(siphash13(42, 0, b"hello world")), "0560e1b07ce7d8db");
        assert_eq!(hex(siphash13(3495, 0, b"")), "8aa5a447abe7c31f");
        assert_eq!(hex(siphash13(1, 0, b"12345678abc")), "d396794ed2ed9e81");
    }
}
