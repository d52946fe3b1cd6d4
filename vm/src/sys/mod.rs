//! The `sys` module: argv, path, modules, the standard streams, exit,
//! recursion limit, exc_info, version information, int digit limits,
//! displayhook/excepthook.

mod audit;

use crate::native::Args;
use crate::objects::exception::exc_data;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = args.range::<1>(vm, "exit", 0, false)?;
    let c = vm.exc.system_exit.clone();
    let a: Vec<Value> = match code {
        None | Some(Value::None) => vec![],
        Some(v) => match v.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![v.clone()],
        },
    };
    let e = vm.call(&Value::Obj(c), &a)?;
    match e {
        Value::Obj(o) => Err(crate::vm::PyErr(o)),
        _ => Err(vm.system_error("bad SystemExit")),
    }
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getrecursionlimit")?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

/// `sys.is_finalizing()`: whether the interpreter is shutting down
/// (asyncio's event loop asks before closing).
fn is_finalizing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "is_finalizing")?;
    Ok(Value::Bool(vm.finalizing))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact(vm, "setrecursionlimit")?;
    if !matches!(n, Value::Int(_)) && !vm.is_index(n) || matches!(n, Value::Float(_)) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(n)
        )));
    }
    let n = vm.to_i64(n)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err(vm.recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        )));
    }
    vm.recursion_limit = vm.clamp_recursion_limit(n as usize);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "exc_info")?;
    match vm.handled.clone() {
        Some(e) => {
            let ev = Value::Obj(e);
            let t = Value::Obj(vm.class_of(&ev));
            let k = vm.names.__traceback__.clone();
            let tb = vm.get_attr(&ev, &k)?;
            Ok(vm.new_tuple(vec![t, ev, tb]))
        }
        None => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "exception")?;
    Ok(vm.handled.clone().map(Value::Obj).unwrap_or(Value::None))
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "get_int_max_str_digits")?;
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.bind(vm, "set_int_max_str_digits", ["maxdigits"], 1)?;
    let n = vm.to_i64(n.unwrap_or(&Value::None))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact(vm, "displayhook")?;
    if v.is_none() {
        return Ok(Value::None);
    }
    let b = vm.builtins.clone();
    vm.module_set(&b, "_", Value::None);
    let s = vm.repr(v)?;
    let sys = Value::Obj(vm.sys.clone());
    let out = vm.get_attr_str(&sys, "stdout")?;
    let t = vm.str_val(format!("{s}\n"));
    vm.call_method(&out, "write", &[t])?;
    vm.module_set(&b, "_", v.clone());
    Ok(Value::None)
}

fn excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_t, v, _tb] = args.exact(vm, "excepthook")?;
    if exc_data(v).is_some() {
        vm.print_exception(v);
    } else {
        return Err(vm.type_error("TypeError: print_exception(): Exception expected for value"));
    }
    Ok(Value::None)
}

fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact(vm, "intern")?;
    match s.as_str() {
        Some(x) => {
            let x = x.to_owned();
            Ok(Value::Obj(vm.intern(&x)))
        }
        None => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(s)
        ))),
    }
}

fn getrefcount(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact(vm, "getrefcount")?;
    Ok(Value::Int(match x {
        Value::Obj(o) => std::rc::Rc::strong_count(o) as i64,
        _ => 1 << 30,
    }))
}

fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, _default] = args.range::<2>(vm, "getsizeof", 1, false)?;
    let x = x.cloned().unwrap_or(Value::None);
    let k = vm.names.__sizeof__.clone();
    match vm.call_special(&x, &k, &[])? {
        Some(r) => Ok(r),
        None => Ok(Value::Int(16)),
    }
}

fn getdefaultencoding(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.str_val("utf-8"))
}

/// File names are UTF-8, undecodable bytes kept as surrogates (os.py's
/// fsencode/fsdecode and environ use these two).
fn getfilesystemencoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getfilesystemencoding")?;
    Ok(vm.str_val("utf-8"))
}

fn getfilesystemencodeerrors(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getfilesystemencodeerrors")?;
    Ok(vm.str_val("surrogateescape"))
}

/// `sys._getframe(depth=0)`: the eval loop puts the caller's frame object
/// in `vm.caller.frame` first (`wants_frame_object`); called some other
/// way (from native code), it starts at the innermost running Python
/// frame (`Vm::cur_frame`).
fn getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [depth] = args.range::<1>(vm, "_getframe", 0, false)?;
    let start = vm.caller.frame.take();
    let mut depth = match depth {
        Some(d) => vm.to_i64(d)?,
        None => 0,
    };
    let mut cur = match start {
        Some(f) => Some(f),
        None => vm.current_frame_object(),
    };
    while depth > 0 {
        let Some(f) = cur else { break };
        let v = Value::Obj(f);
        cur = match crate::objects::frame::frame_data(&v) {
            Some(d) => vm.frame_back(d),
            None => None,
        };
        depth -= 1;
    }
    match cur {
        Some(f) => Ok(Value::Obj(f)),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// `sys.settrace`/`sys.setprofile` (and `threading.settrace`, which calls
/// it in each new thread): rpy has no tracing or profiling hooks.
/// Removing a hook (None) is a no-op and succeeds; installing one raises
/// NotImplementedError rather than being silently ignored.
fn settrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>(vm, "settrace")?;
    if f.is_none() {
        return Ok(Value::None);
    }
    Err(vm.not_implemented_error("sys.settrace() is not supported by rpy (no tracing hooks)"))
}
fn setprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>(vm, "setprofile")?;
    if f.is_none() {
        return Ok(Value::None);
    }
    Err(vm.not_implemented_error("sys.setprofile() is not supported by rpy (no profiling hooks)"))
}
/// `sys.gettrace()`/`sys.getprofile()`: never a hook (see `settrace`).
fn gettrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "gettrace")?;
    Ok(Value::None)
}
fn getprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<0>(vm, "getprofile")?;
    Ok(Value::None)
}

/// Creates the `sys` module (called at start-up).
pub fn init(vm: &mut Vm) {
    let m = vm.sys.clone();
    vm.module_add_fns(
        &m,
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("is_finalizing", is_finalizing),
            ("exc_info", exc_info),
            ("exception", exception),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("displayhook", displayhook),
            ("excepthook", excepthook),
            ("intern", intern),
            ("getrefcount", getrefcount),
            ("getsizeof", getsizeof),
            ("getdefaultencoding", getdefaultencoding),
            ("getfilesystemencoding", getfilesystemencoding),
            ("getfilesystemencodeerrors", getfilesystemencodeerrors),
            ("settrace", settrace),
            ("setprofile", setprofile),
            ("gettrace", gettrace),
            ("getprofile", getprofile),
        ],
    );
    audit::init(vm, &m);
    let mut gf = crate::native::NativeFunction::new("_getframe", getframe);
    gf.needs_frame = true;
    gf.wants_frame_object = true;
    gf.bound = Some(Value::Obj(m.clone()));
    gf.module = Some(std::rc::Rc::from("sys"));
    let gf = Value::Obj(vm.alloc(
        vm.types.builtin_function.clone(),
        crate::object::Payload::BuiltinFunction(Box::new(gf)),
    ));
    vm.module_set(&m, "_getframe", gf);
    let d = vm.sys.dict().cloned();
    if let Some(d) = &d {
        for k in ["displayhook", "excepthook"] {
            if let Some(v) = vm.dict_get_str(d, k) {
                vm.module_set(&m, &format!("__{k}__"), v);
            }
        }
    }
    let (i, o, e) = crate::io::make_std_streams(vm);
    for (n, v) in [
        ("stdin", &i),
        ("stdout", &o),
        ("stderr", &e),
        ("__stdin__", &i),
        ("__stdout__", &o),
        ("__stderr__", &e),
    ] {
        vm.module_set(&m, n, v.clone());
    }
    let s = vm.str_val("3.11.7 (rpy 0.1.0)");
    vm.module_set(&m, "version", s);
    let vi: Vec<Value> = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        vm.str_val("final"),
        Value::Int(0),
    ];
    let vi = match vm.new_struct_seq_type(
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    ) {
        Ok(t) => vm.new_struct_seq(&t, vi.clone()).unwrap_or(Value::None),
        Err(_) => vm.new_tuple(vi),
    };
    vm.module_set(&m, "version_info", vi);
    vm.module_set(&m, "hexversion", Value::Int(0x030b07f0));
    vm.module_set(&m, "maxsize", Value::Int(i64::MAX));
    vm.module_set(&m, "maxunicode", Value::Int(0x10ffff));
    let p = vm.str_val(std::env::consts::OS);
    vm.module_set(&m, "platform", p);
    let bo = vm.str_val(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    vm.module_set(&m, "byteorder", bo);
    let exe = vm.str_val(
        std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    vm.module_set(&m, "executable", exe);
    // Native modules add themselves (`Vm::register_module`).
    let bn = vec![vm.str_val("builtins"), vm.str_val("sys")];
    let bn = vm.new_tuple(bn);
    vm.module_set(&m, "builtin_module_names", bn);
    let n = vm.str_val("sys");
    vm.module_set(&m, "__name__", n);
    let pfx = vm.str_val("");
    vm.module_set(&m, "prefix", pfx);
    add_info(vm, &m);
    crate::objects::async_generator::add_sys_hooks(vm, &m);
    crate::objects::coroutine::add_sys_functions(vm, &m);
    init_interpreter(vm);
}

/// The part of `sys` each interpreter makes for itself (the rest of its
/// namespace is shared: `runtime.rs`): the mutable values, and `sys` and
/// `builtins` in `sys.modules`.
pub(crate) fn init_interpreter(vm: &mut Vm) {
    let m = vm.sys.clone();
    let modules = Value::Obj(vm.modules.clone());
    vm.module_set(&m, "modules", modules);
    for name in ["argv", "path", "warnoptions"] {
        let l = vm.new_list(vec![]);
        vm.module_set(&m, name, l);
    }
    let impl_version = vm.module_get(&m, "version_info");
    let attrs = vec![
        ("name", vm.str_val("rpy")),
        ("cache_tag", Value::None),
        ("version", impl_version),
        ("hexversion", Value::Int(0x030b07f0)),
        ("_multiarch", vm.str_val(multiarch())),
    ];
    let imp = vm.new_namespace(attrs);
    vm.module_set(&m, "implementation", imp);
    // sys and builtins are in sys.modules from the start.
    let modules = vm.modules.clone();
    let sk = vm.intern("sys");
    let bk = vm.intern("builtins");
    let sysv = Value::Obj(vm.sys.clone());
    let bv = Value::Obj(vm.builtins.clone());
    let _ = vm.dict_set(&modules, Value::Obj(sk), sysv);
    let _ = vm.dict_set(&modules, Value::Obj(bk), bv);
    vm.install_import_hooks();
}

/// The platform triple CPython names its build-time configuration after
/// (`sysconfig` imports `_sysconfigdata_<abiflags>_<platform>_<multiarch>`).
fn multiarch() -> String {
    let os = if cfg!(target_os = "linux") {
        "linux-gnu"
    } else {
        std::env::consts::OS
    };
    format!("{}-{os}", std::env::consts::ARCH)
}

/// A struct-sequence attribute of `sys` (float_info, int_info, ...).
fn add_seq(vm: &mut Vm, m: &PyRef, name: &str, fields: &[(&str, Value)]) {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let vals: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    let v = match vm.new_struct_seq_type("sys", name, &names) {
        Ok(t) => vm.new_struct_seq(&t, vals).unwrap_or(Value::None),
        Err(_) => Value::None,
    };
    vm.module_set(m, name, v);
}

/// `sys.float_info`, `int_info`, `hash_info`, `flags` and the constants
/// that describe this build.
fn add_info(vm: &mut Vm, m: &PyRef) {
    let f = Value::Float;
    let i = Value::Int;
    add_seq(
        vm,
        m,
        "float_info",
        &[
            ("max", f(f64::MAX)),
            ("max_exp", i(f64::MAX_EXP as i64)),
            ("max_10_exp", i(f64::MAX_10_EXP as i64)),
            ("min", f(f64::MIN_POSITIVE)),
            ("min_exp", i(f64::MIN_EXP as i64)),
            ("min_10_exp", i(f64::MIN_10_EXP as i64)),
            ("dig", i(f64::DIGITS as i64)),
            ("mant_dig", i(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", f(f64::EPSILON)),
            ("radix", i(f64::RADIX as i64)),
            ("rounds", i(1)),
        ],
    );
    add_seq(
        vm,
        m,
        "int_info",
        &[
            ("bits_per_digit", i(30)),
            ("sizeof_digit", i(4)),
            ("default_max_str_digits", i(4300)),
            ("str_digits_check_threshold", i(640)),
        ],
    );
    let algorithm = vm.str_val("siphash13");
    add_seq(
        vm,
        m,
        "hash_info",
        &[
            ("width", i(64)),
            ("modulus", i(crate::hash::MODULUS as i64)),
            ("inf", i(crate::hash::INF_HASH)),
            ("nan", i(0)),
            ("imag", i(1_000_003)),
            ("algorithm", algorithm),
            ("hash_bits", i(64)),
            ("seed_bits", i(128)),
            ("cutoff", i(0)),
        ],
    );
    let _ = crate::flags::install(vm, m, &crate::flags::Flags::default());
    let style = vm.str_val("short");
    vm.module_set(m, "float_repr_style", style);
    vm.module_set(m, "api_version", i(1013));
    let abi = vm.str_val("");
    vm.module_set(m, "abiflags", abi);
    for k in ["base_prefix", "exec_prefix", "base_exec_prefix"] {
        let e = vm.str_val("");
        vm.module_set(m, k, e);
    }
    let lib = vm.str_val("lib");
    vm.module_set(m, "platlibdir", lib);
}

/// Sets `sys.argv`.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    let items: Vec<Value> = argv.iter().map(|a| vm.str_val(a.clone())).collect();
    let l = vm.new_list(items);
    let m = vm.sys.clone();
    vm.module_set(&m, "argv", l);
}

/// Sets `sys.path`.
pub fn set_path(vm: &mut Vm, path: &[String]) {
    let items: Vec<Value> = path.iter().map(|a| vm.str_val(a.clone())).collect();
    let l = vm.new_list(items);
    let m = vm.sys.clone();
    vm.module_set(&m, "path", l);
}
