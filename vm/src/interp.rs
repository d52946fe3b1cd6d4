//! `Interpreter`: the embedding API. Create one, register native functions
//! and modules, run source or files, read and write globals of `__main__`,
//! call Python callables from Rust.
//!
//! ```
//! use rpy_vm::{Interpreter, Value};
//! let mut interp = Interpreter::new();
//! interp.register_fn("double", |vm, args| {
//!     let [x] = args.exact(vm, "double")?;
//!     vm.binary_op(x, x, rpy_vm::BinaryOperator::Add)
//! });
//! interp.run_source("y = double(21)\n", "<embed>").unwrap();
//! assert!(matches!(interp.get_global("y"), Some(Value::Int(42))));
//! ```

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use crate::io::{CaptureOutput, Output};
use crate::native::Args;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// An embedded Python interpreter.
pub struct Interpreter {
    vm: Vm,
    main: PyRef,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// A fresh interpreter with an empty `__main__` module. `sys.path` is
    /// rpy's `Lib/` directory (see [`lib_dir`]) plus `PYTHONPATH`.
    pub fn new() -> Interpreter {
        let mut vm = Vm::new();
        let main = vm.new_module("__main__");
        let b = Value::Obj(vm.builtins.clone());
        vm.module_set(&main, "__builtins__", b);
        let k = vm.intern("__main__");
        let modules = vm.modules.clone();
        let _ = vm.dict_set(&modules, Value::Obj(k), Value::Obj(main.clone()));
        let mut path = Vec::new();
        if let Some(l) = lib_dir() {
            path.push(l);
        }
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(
                pp.split(':')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.to_owned()),
            );
        }
        crate::modules::sys::set_path(&mut vm, &path);
        Interpreter { vm, main }
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
        crate::modules::sys::set_argv(&mut self.vm, argv);
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
        let main = self.main.clone();
        self.vm.exec_source(source, filename, &main).map(|_| ())
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
        let code = match rpy_compiler::compile(expr, "<string>", rpy_compiler::Mode::Eval) {
            Ok(c) => c,
            Err(e) => return Err(self.vm.compile_error(&e)),
        };
        let code = self.vm.load_code(code);
        let Some(g) = self.main.dict.clone() else {
            return Err(self.vm.system_error("no __main__ namespace"));
        };
        self.vm.run_code(code, g, None)
    }

    /// Runs one interactive statement (a REPL entry) in `__main__`:
    /// compiled in `single` mode, so expression statements go through
    /// `sys.displayhook`.
    pub fn run_interactive(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let code = match rpy_compiler::compile(source, filename, rpy_compiler::Mode::Single) {
            Ok(c) => c,
            Err(e) => return Err(self.vm.compile_error(&e)),
        };
        let code = self.vm.load_code(code);
        let Some(g) = self.main.dict.clone() else {
            return Err(self.vm.system_error("no __main__ namespace"));
        };
        let r = self.vm.run_code(code, g, None).map(|_| ());
        self.vm.run_finalizers();
        r
    }

    /// A global of `__main__`.
    pub fn get_global(&mut self, name: &str) -> Option<Value> {
        let d = self.main.dict.clone()?;
        self.vm.dict_get_str(&d, name)
    }

    /// Sets a global of `__main__`.
    pub fn set_global(&mut self, name: &str, v: Value) {
        let main = self.main.clone();
        self.vm.module_set(&main, name, v);
    }

    /// Calls a Python callable.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.vm.call(f, args)
    }

    /// Makes a native closure available as a built-in function.
    pub fn register_fn(
        &mut self,
        name: &str,
        f: impl Fn(&mut Vm, Args<'_>) -> PyResult<Value> + 'static,
    ) {
        let b = self.vm.builtins.clone();
        self.vm.module_add_closure(&b, name, Rc::new(f));
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
        self.vm.format_exception(&Value::Obj(e.0.clone()))
    }

    /// Handles an uncaught exception like CPython's main: SystemExit gives
    /// its exit status (printing a non-int code to stderr), anything else
    /// prints the traceback through `sys.excepthook` and gives 1.
    pub fn handle_uncaught(&mut self, e: &PyErr) -> i32 {
        let vm = &mut self.vm;
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
        let vm = &mut self.vm;
        let sys = Value::Obj(vm.sys.clone());
        for n in ["stdout", "stderr"] {
            if let Ok(f) = vm.get_attr_str(&sys, n) {
                let _ = vm.call_method(&f, "flush", &[]);
            }
        }
        let out = vm.output.clone();
        let _ = out.borrow_mut().flush(false);
    }

    /// Runs a garbage collection; returns the number of objects freed.
    pub fn collect_garbage(&mut self) -> usize {
        self.vm.collect_garbage()
    }
}

/// rpy's `Lib/` directory: `$RPYLIB`, else `../../Lib` from the executable
/// (target/<profile>/rpy), else the repository's `Lib` at build time.
pub fn lib_dir() -> Option<String> {
    if let Ok(p) = std::env::var("RPYLIB") {
        return Some(p);
    }
    if let Ok(exe) = std::env::current_exe() {
        if let Some(d) = exe
            .parent()
            .and_then(|p| p.parent())
            .and_then(|p| p.parent())
        {
            let lib = d.join("Lib");
            if lib.is_dir() {
                return Some(lib.to_string_lossy().into_owned());
            }
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("Lib");
    if repo.is_dir() {
        return repo
            .canonicalize()
            .ok()
            .map(|p| p.to_string_lossy().into_owned());
    }
    None
}
