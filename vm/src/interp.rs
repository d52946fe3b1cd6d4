//! `Interpreter`: the embedding API. Create one (bounded with
//! [`Interpreter::builder`] if the code is untrusted), register native
//! functions and modules, run source or files, read and write globals of
//! `__main__`, call Python callables from Rust.
//!
//! Two families of methods: the friendly ones ([`Interpreter::exec`],
//! [`Interpreter::eval_as`], [`Interpreter::get`], [`Interpreter::set`],
//! [`Interpreter::call_fn`]) convert values with [`ToPython`]/[`FromPython`]
//! and return [`Error`] (a plain Rust error with the traceback text); the
//! low-level ones (`run_source`, `eval`, `call`, ...) work on [`Value`] and
//! return [`PyErr`], the exception object itself.
//!
//! ```
//! use rpy_vm::Interpreter;
//! let mut interp = Interpreter::new();
//! interp.register_fn("double", |x: i64| x * 2);
//! interp.exec("y = double(21)").unwrap();
//! assert_eq!(interp.get::<i64>("y").unwrap(), 42);
//! ```

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use std::time::Duration;

use crate::convert::{FromPython, IntoArgs, ToPython};
use crate::error::Error;
use crate::io::{CaptureOutput, Output};
use crate::native::{Args, NativeClosure};
use crate::sandbox::Capability;
use crate::typed_fn::{FunctionBuilder, IntoNativeFn};
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// An embedded Python interpreter. Interpreters are independent (each has
/// its own modules, objects and limits); dropping one frees all its
/// objects, cycles included. An interpreter is not `Send`: use it on the
/// thread that made it.
pub struct Interpreter {
    vm: Vm,
    main: PyRef,
    last_exception: Option<PyErr>,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// A fresh interpreter with an empty `__main__` module. `sys.path` is
    /// `PYTHONPATH`, then the directories of `RPY_LIB`; no standard library
    /// is compiled in (give one with [`InterpreterBuilder::stdlib`]).
    ///
    /// [`InterpreterBuilder::stdlib`]: crate::InterpreterBuilder::stdlib
    pub fn new() -> Interpreter {
        Interpreter::with_library(crate::interp_builder::LibrarySetup {
            pythonpath: true,
            rpy_lib: true,
            frozen: None,
            neutral_roots: false,
            dirs: None,
        })
    }

    /// A builder to set limits, sandbox mode and output capture.
    pub fn builder() -> crate::interp_builder::InterpreterBuilder {
        crate::interp_builder::InterpreterBuilder::default()
    }

    /// A fresh interpreter whose `sys.path` is `PYTHONPATH` (if asked),
    /// then the library: explicit directories, else those of `RPY_LIB`
    /// (if asked), else the frozen library's directories.
    pub(crate) fn with_library(lib: crate::interp_builder::LibrarySetup) -> Interpreter {
        let mut vm = Vm::new();
        let main = vm.new_module("__main__");
        let b = Value::Obj(vm.builtins.clone());
        vm.module_set(&main, "__builtins__", b);
        let k = vm.intern("__main__");
        let modules = vm.modules.clone();
        let _ = vm.dict_set(&modules, Value::Obj(k), Value::Obj(main.clone()));
        let split = |v: String| -> Vec<String> {
            v.split(':')
                .filter(|s| !s.is_empty())
                .map(|s| s.to_owned())
                .collect()
        };
        let mut path = Vec::new();
        if lib.pythonpath {
            path.extend(std::env::var("PYTHONPATH").map(split).unwrap_or_default());
        }
        let env_lib = if lib.rpy_lib {
            std::env::var("RPY_LIB")
                .map(split)
                .ok()
                .filter(|d| !d.is_empty())
        } else {
            None
        };
        if let Some(dirs) = lib.dirs.or(env_lib) {
            path.extend(dirs);
        } else if let Some(f) = lib.frozen {
            let mounted = crate::frozen::Mounted::new(f, lib.neutral_roots);
            path.extend(mounted.roots().map(str::to_owned));
            vm.frozen_library = Some(Rc::new(mounted));
        }
        crate::sys::set_path(&mut vm, &path);
        Interpreter {
            vm,
            main,
            last_exception: None,
        }
    }

    /// An interpreter whose stdout/stderr are captured; read them with the
    /// returned handle.
    pub fn with_captured_output() -> (Interpreter, Rc<RefCell<CaptureOutput>>) {
        let mut i = Interpreter::new();
        let (out, handle) = crate::io::capture();
        i.vm.output = out;
        (i, handle)
    }

    /// Replaces where the standard streams go.
    pub fn set_output(&mut self, out: Rc<RefCell<dyn Output>>) {
        self.vm.output = out;
    }

    /// The VM (for the full native API).
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    /// The `__main__` module.
    pub fn main_module(&self) -> PyRef {
        self.main.clone()
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: &[String]) {
        crate::sys::set_argv(&mut self.vm, argv);
    }

    /// Puts `dir` first on `sys.path` (the script directory, or '' for -c).
    pub fn prepend_path(&mut self, dir: &str) {
        let sys = Value::Obj(self.vm.sys.clone());
        if let Ok(p) = self.vm.get_attr_str(&sys, "path") {
            let d = self.vm.str_val(dir);
            let _ = self.vm.call_method(&p, "insert", &[Value::Int(0), d]);
        }
    }

    /// Runs `source` as the `__main__` module.
    pub fn run_source(&mut self, source: &str, filename: &str) -> PyResult<()> {
        self.vm.limits_start();
        let main = self.main.clone();
        self.vm
            .guarded(|vm| vm.exec_source(source, filename, &main).map(|_| ()))
    }

    /// Runs a file as `__main__` (sets `__file__`).
    pub fn run_file(&mut self, path: &Path) -> PyResult<()> {
        let source = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => return Err(crate::io::io_error(&mut self.vm, e)),
        };
        let name = path.to_string_lossy().into_owned();
        let f = self.vm.str_val(name.clone());
        let main = self.main.clone();
        self.vm.module_set(&main, "__file__", f);
        self.run_source(&source, &name)
    }

    /// Evaluates an expression in `__main__`'s namespace.
    pub fn eval(&mut self, expr: &str) -> PyResult<Value> {
        self.vm.limits_start();
        let main = self.main.clone();
        self.vm.guarded(|vm| {
            let code = vm.compile_text(expr, "<string>", rpy_compiler::Mode::Eval)?;
            let code = vm.load_code(code);
            let Some(g) = main.dict().cloned() else {
                return Err(vm.system_error("no __main__ namespace"));
            };
            vm.run_code(code, g, None)
        })
    }

    /// Runs one interactive statement (a REPL entry) in `__main__`:
    /// compiled in `single` mode, so expression statements go through
    /// `sys.displayhook`.
    pub fn run_interactive(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let main = self.main.clone();
        self.vm.guarded(|vm| {
            let code = vm.compile_text(source, filename, rpy_compiler::Mode::Single)?;
            let code = vm.load_code(code);
            let Some(g) = main.dict().cloned() else {
                return Err(vm.system_error("no __main__ namespace"));
            };
            let r = vm.run_code(code, g, None).map(|_| ());
            vm.run_finalizers();
            r
        })
    }

    /// A global of `__main__`.
    pub fn get_global(&mut self, name: &str) -> Option<Value> {
        let d = self.main.dict().cloned()?;
        self.vm.dict_get_str(&d, name)
    }

    /// Sets a global of `__main__`.
    pub fn set_global(&mut self, name: &str, v: Value) {
        let main = self.main.clone();
        self.vm.module_set(&main, name, v);
    }

    /// Calls a Python callable.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.vm.limits_start();
        self.vm.guarded(|vm| vm.call(f, args))
    }

    /// Makes a typed Rust closure available as a built-in function: its
    /// parameters implement [`FromPython`], its result [`ToPython`] (or is
    /// a `PyResult<T>` / `Result<T, Error>`, whose error is raised). It
    /// takes exactly its number of positional arguments; use
    /// [`Interpreter::function`] for keyword names and defaults.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.register_fn("add", |a: i64, b: i64| a + b);
    /// assert_eq!(interp.eval_as::<i64>("add(1, 2)").unwrap(), 3);
    /// ```
    pub fn register_fn<M>(&mut self, name: &str, f: impl IntoNativeFn<M>) {
        let c = crate::typed_fn::typed_closure(name, f, Vec::new());
        self.register_native_closure(name, c);
    }

    /// Starts declaring a typed built-in function with named parameters
    /// and defaults (see [`FunctionBuilder`]).
    pub fn function(&mut self, name: &str) -> FunctionBuilder<'_> {
        FunctionBuilder {
            interp: self,
            name: name.to_owned(),
            params: Vec::new(),
        }
    }

    /// Makes a raw native closure available as a built-in function: it
    /// gets the VM and the arguments unconverted (the full native API).
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.register_native("double", |vm, args| {
    ///     let [x] = args.exact(vm, "double")?;
    ///     vm.binary_op(x, x, rpy_vm::BinaryOperator::Add)
    /// });
    /// assert_eq!(interp.eval_as::<String>("double('ab')").unwrap(), "abab");
    /// ```
    pub fn register_native(
        &mut self,
        name: &str,
        f: impl Fn(&mut Vm, Args<'_>) -> PyResult<Value> + 'static,
    ) {
        self.register_native_closure(name, Rc::new(f));
    }

    /// [`Interpreter::register_native`] for an already shared closure.
    pub fn register_native_closure(&mut self, name: &str, f: NativeClosure) {
        let b = self.vm.builtins.clone();
        self.vm.module_add_closure(&b, name, f);
    }

    /// Makes native type `T` a built-in name of this interpreter
    /// (`T::NAME`), and returns it.
    pub fn register_class<T: crate::native_type::NativeClass>(&mut self) -> PyRef {
        let t = self.vm.native_type::<T>();
        let b = self.vm.builtins.clone();
        self.vm.module_set(&b, T::NAME, Value::Obj(t.clone()));
        t
    }

    /// Defines exception class `name` deriving from the exception class
    /// named `base` (built-in or defined earlier) and makes it a built-in
    /// name; `Error::new(name, ..)` from a host function then raises it.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.define_exception("QuotaError", "ValueError").unwrap();
    /// interp.register_fn("spend", |n: i64| -> Result<i64, rpy_vm::Error> {
    ///     if n > 10 { Err(rpy_vm::Error::new("QuotaError", "over quota")) } else { Ok(n) }
    /// });
    /// interp.exec("try:\n    spend(11)\nexcept ValueError as e:\n    caught = type(e).__name__ + ': ' + str(e)").unwrap();
    /// assert_eq!(interp.get::<String>("caught").unwrap(), "QuotaError: over quota");
    /// ```
    pub fn define_exception(&mut self, name: &str, base: &str) -> Result<PyRef, Error> {
        let base = self.vm.exception_class_named(base);
        let cls = match self.vm.define_exception(name, &base) {
            Ok(c) => c,
            Err(e) => return Err(self.error(e)),
        };
        let short = name.rsplit('.').next().unwrap_or(name);
        let b = self.vm.builtins.clone();
        self.vm.module_set(&b, short, Value::Obj(cls.clone()));
        Ok(cls)
    }

    /// Registers a native module importable as `name`.
    pub fn register_module(
        &mut self,
        name: &str,
        init: impl Fn(&mut Vm) -> PyResult<PyRef> + 'static,
    ) {
        self.vm.register_module(name, Rc::new(init));
    }

    /// The traceback text CPython would print for `e`.
    pub fn format_exception(&mut self, e: &PyErr) -> String {
        self.vm.limits_start();
        let ev = Value::Obj(e.0.clone());
        self.vm
            .guarded(|vm| Ok(vm.format_exception(&ev)))
            .unwrap_or_else(|_| "SystemError: rpy panicked while formatting an exception\n".into())
    }

    /// Handles an uncaught exception like CPython's main: SystemExit gives
    /// its exit status (printing a non-int code to stderr), anything else
    /// prints the traceback through `sys.excepthook` and gives 1.
    pub fn handle_uncaught(&mut self, e: &PyErr) -> i32 {
        self.vm.limits_start();
        self.vm
            .guarded(|vm| Ok(Self::uncaught_status(vm, e)))
            .unwrap_or(1)
    }

    fn uncaught_status(vm: &mut Vm, e: &PyErr) -> i32 {
        let ev = Value::Obj(e.0.clone());
        if vm.is_instance(&ev, &vm.exc.system_exit.clone()) {
            let k = vm.names.code.clone();
            let code = vm
                .get_attr_opt(&ev, &k)
                .ok()
                .flatten()
                .unwrap_or(Value::None);
            return match &code {
                Value::None => 0,
                Value::Int(i) => *i as i32,
                Value::Bool(b) => i32::from(*b),
                other => {
                    if let Some(i) = crate::objects::int::to_integer(other) {
                        return i32::try_from(&i).unwrap_or(-1);
                    }
                    let s = vm.str(other).unwrap_or_default();
                    vm.write_stderr(&format!("{s}\n"));
                    1
                }
            };
        }
        let sys = Value::Obj(vm.sys.clone());
        let hook = vm.get_attr_str(&sys, "excepthook").ok();
        let t = Value::Obj(vm.class_of(&ev));
        let k = vm.names.__traceback__.clone();
        let tb = vm.get_attr(&ev, &k).unwrap_or(Value::None);
        let printed = match hook {
            Some(h) => vm.call(&h, &[t, ev.clone(), tb]).is_ok(),
            None => false,
        };
        if !printed {
            vm.print_exception(&ev);
        }
        if vm.is_instance(&ev, &vm.exc.keyboard_interrupt.clone()) {
            return 130;
        }
        1
    }

    /// Flushes `sys.stdout` and `sys.stderr`.
    pub fn flush(&mut self) {
        self.vm.limits_start();
        self.vm.swallow_panic(|vm| {
            let sys = Value::Obj(vm.sys.clone());
            for n in ["stdout", "stderr"] {
                if let Ok(f) = vm.get_attr_str(&sys, n) {
                    let _ = vm.call_method(&f, "flush", &[]);
                }
            }
            let out = vm.output.clone();
            let _ = out.borrow_mut().flush(false);
        });
    }

    /// Runs a garbage collection; returns the number of objects freed.
    pub fn collect_garbage(&mut self) -> usize {
        self.vm.collect_garbage()
    }

    // ----- The friendly API: converted values, `Error` results. -----

    /// An [`Error`] for `e` (class, message, traceback text); `e` becomes
    /// [`Interpreter::last_exception`].
    pub fn error(&mut self, e: PyErr) -> Error {
        self.vm.limits_start();
        let err = match self.vm.guarded(|vm| Ok(Error::from_py(vm, &e))) {
            Ok(err) => err,
            Err(_) => Error::new("SystemError", "rpy panicked while reading an exception"),
        };
        self.last_exception = Some(e);
        err
    }

    /// The exception object of the last [`Error`] made by the friendly
    /// methods (to inspect its attributes with the low-level API).
    pub fn last_exception(&self) -> Option<&PyErr> {
        self.last_exception.as_ref()
    }

    /// The friendly API's result; first writes out what the standard
    /// streams buffered (`_io`'s `sys.stdout` buffers as CPython's does),
    /// so that a capture has the output of each call when it returns.
    fn friendly<T>(&mut self, r: PyResult<T>) -> Result<T, Error> {
        self.flush();
        r.map_err(|e| self.error(e))
    }

    /// Runs `source` in `__main__` (filename `<string>`).
    pub fn exec(&mut self, source: &str) -> Result<(), Error> {
        let r = self.run_source(source, "<string>");
        self.friendly(r)
    }

    /// Runs the file at `path` as `__main__`.
    pub fn exec_file(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let r = self.run_file(path.as_ref());
        self.friendly(r)
    }

    /// Evaluates an expression in `__main__` and converts the result.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// let v: Vec<(String, i64)> = interp.eval_as("[('a', 1), ('b', 2)]").unwrap();
    /// assert_eq!(v, [("a".to_string(), 1), ("b".to_string(), 2)]);
    /// let e = interp.eval_as::<i64>("1 / 0").unwrap_err();
    /// assert_eq!(e.to_string(), "ZeroDivisionError: division by zero");
    /// ```
    pub fn eval_as<T: FromPython>(&mut self, expr: &str) -> Result<T, Error> {
        let r = self
            .eval(expr)
            .and_then(|v| T::from_python(&mut self.vm, &v));
        self.friendly(r)
    }

    /// Reads global `name` of `__main__`, converted (`NameError` if unset).
    pub fn get<T: FromPython>(&mut self, name: &str) -> Result<T, Error> {
        let r = match self.get_global(name) {
            Some(v) => T::from_python(&mut self.vm, &v),
            None => Err(self.vm.name_error(format!("name '{name}' is not defined"))),
        };
        self.friendly(r)
    }

    /// Sets global `name` of `__main__` to a converted Rust value.
    pub fn set(&mut self, name: &str, value: impl ToPython) -> Result<(), Error> {
        let r = value.to_python(&mut self.vm);
        let v = self.friendly(r)?;
        self.set_global(name, v);
        Ok(())
    }

    /// Calls the global callable `name` of `__main__` with converted
    /// arguments (a tuple of up to 6, or `()`), and converts the result.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// interp.exec("def area(w, h): return w * h").unwrap();
    /// assert_eq!(interp.call_fn::<f64>("area", (2.5, 4)).unwrap(), 10.0);
    /// ```
    pub fn call_fn<R: FromPython>(&mut self, name: &str, args: impl IntoArgs) -> Result<R, Error> {
        let r = match self.get_global(name) {
            Some(f) => args
                .into_args(&mut self.vm)
                .and_then(|a| self.call(&f, &a))
                .and_then(|v| R::from_python(&mut self.vm, &v)),
            None => Err(self.vm.name_error(format!("name '{name}' is not defined"))),
        };
        self.friendly(r)
    }

    /// Calls a Python callable the host holds (a `Value` kept from
    /// `get`, `eval_as` or a host function's argument) with typed Rust
    /// arguments, and converts its result.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// let f: rpy_vm::Value = interp.eval_as("lambda s, n: s * n").unwrap();
    /// assert_eq!(interp.call_as::<String>(&f, ("ab", 3)).unwrap(), "ababab");
    /// ```
    pub fn call_as<R: FromPython>(&mut self, f: &Value, args: impl IntoArgs) -> Result<R, Error> {
        let r = args
            .into_args(&mut self.vm)
            .and_then(|a| self.call(f, &a))
            .and_then(|v| R::from_python(&mut self.vm, &v));
        self.friendly(r)
    }

    // ----- Limits and sandbox (see `limits.rs`, `sandbox.rs`). -----

    /// Sets the recursion limit and makes it a ceiling that running code
    /// cannot raise with `sys.setrecursionlimit`. Deeper recursion raises
    /// `RecursionError`.
    pub fn set_recursion_limit(&mut self, n: usize) {
        self.vm.set_max_recursion_limit(n);
    }

    /// Bounds each entry (`exec`, `eval`, `call`, ...) to about `n`
    /// instructions (`None`: no limit); past it, `ResourceLimitError`.
    pub fn set_instruction_budget(&mut self, n: Option<u64>) {
        self.vm.set_instruction_budget(n);
    }

    /// Bounds each entry to `limit` of wall-clock time (`None`: no
    /// limit); past it, `ResourceLimitError`.
    pub fn set_time_limit(&mut self, limit: Option<Duration>) {
        self.vm.set_time_limit(limit);
    }

    /// Caps the memory held by Python objects at about `bytes` (`None`:
    /// no cap); allocations past it raise `MemoryError`.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.vm.set_memory_limit(bytes);
    }

    /// Turns sandbox mode on or off: with it on, file, environment,
    /// process and network access raise `PermissionError` unless granted.
    pub fn set_sandbox(&mut self, on: bool) {
        self.vm.set_sandbox(on);
    }

    /// Grants a capability to sandboxed code.
    pub fn grant(&mut self, cap: Capability) {
        self.vm.grant(cap);
    }

    /// Lets sandboxed code import modules from `dir`.
    pub fn allow_read_dir(&mut self, dir: impl Into<std::path::PathBuf>) {
        self.vm.allow_read_dir(dir);
    }
}
