//! `Vm`: the interpreter state (built-in types and names, `builtins` and
//! `sys`, the module table, recursion depth, the handled exception, the
//! cycle collector) and the helpers native code uses to make objects and
//! raise exceptions.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use malachite::Integer;

use crate::eval::frame::{Frame, FrameCore};
use crate::gc::Gc;
use crate::names::{Interned, Names};
use crate::object::{Payload, PyObject};
use crate::objects::exception::ExcTypes;
use crate::objects::str::PyStr;
use crate::objects::table::{DictTable, SetTable};
use crate::types::Types;
use crate::value::{PyRef, Value};

/// A raised Python exception (the exception instance).
#[derive(Clone)]
pub struct PyErr(pub PyRef);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cls = self
            .0
            .class_opt()
            .map(|c| crate::objects::type_::type_name_of(&c))
            .unwrap_or_default();
        let args = match &self.0.payload {
            Payload::Exception(e) => format!("{:?}", e.args.borrow()),
            _ => String::new(),
        };
        write!(f, "PyErr({cls}{args})")
    }
}

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// Initialiser of a native module: builds and returns the module object.
pub type ModuleInit = Rc<dyn Fn(&mut Vm) -> PyResult<PyRef>>;

/// Reads the buffer of an object of a native type, or `None` when the
/// object is not of the exporter's type.
pub type BufferExporter = fn(&Value) -> Option<ExportedBuffer>;

/// The buffer a native type exports: a copy of its bytes, and the struct
/// format and item size that `memoryview` shows for it.
pub struct ExportedBuffer {
    pub bytes: Vec<u8>,
    pub format: String,
    pub itemsize: usize,
}

/// What a frame-aware native function (`locals()`, `super()`, ...) sees of
/// its caller's frame.
#[derive(Default, Clone)]
pub struct CallerInfo {
    pub globals: Option<PyRef>,
    pub locals: Option<Value>,
    /// The caller's frame object (for `sys._getframe`).
    pub frame: Option<PyRef>,
}

/// The interpreter state.
pub struct Vm {
    /// The registries below are the thread's runtime's (`runtime.rs`),
    /// behind one `Rc` each so that an interpreter costs three reference
    /// counts, not one per entry.
    pub types: Rc<Types>,
    pub exc: Rc<ExcTypes>,
    pub names: Rc<Names>,
    interned: HashSet<Interned, ahash::RandomState>,
    /// The `builtins` module and its dict.
    pub builtins: PyRef,
    pub builtins_dict: PyRef,
    /// The `sys` module and `sys.modules`.
    pub sys: PyRef,
    pub modules: PyRef,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    pub empty_tuple: PyRef,
    /// Python frames plus native re-entries on the stack.
    pub depth: usize,
    pub recursion_limit: usize,
    /// The exception being handled (`sys.exc_info()`), if any.
    pub handled: Option<PyRef>,
    // Frames stay boxed: the eval loop moves them between the pool, the
    // stack and generators by pointer.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// Callers of the running frames of the innermost eval loops.
    #[allow(clippy::vec_box)]
    pub(crate) frame_stack: Vec<Box<Frame>>,
    /// The eval loops on the Rust stack, outermost first (`Vm::run`).
    pub(crate) loops: Vec<crate::objects::frame::LoopAnchor>,
    /// Ids of containers whose repr is being computed (cycle guard).
    pub(crate) repr_stack: Vec<i64>,
    /// Marks "no self" in the LoadMethod/CallMethod stack pair.
    pub(crate) null_marker: PyRef,
    pub gc: Gc,
    pub(crate) finalize_queue: Rc<crate::objects::generator::FinalizeQueue>,
    /// `sys.set_asyncgen_hooks` (firstiter, finalizer).
    pub(crate) asyncgen_hooks: crate::objects::async_generator::AsyncGenHooks,
    pub(crate) method_cache: crate::objects::method_cache::MethodCache,
    pub(crate) native_modules: HashMap<String, ModuleInit>,
    /// Native types that export a buffer (see `Vm::add_buffer_exporter`).
    pub(crate) buffer_exporters: Vec<BufferExporter>,
    /// The core of the innermost running Python frame (its callers are
    /// reached through `FrameCore::back`).
    pub(crate) cur_frame: Option<Rc<FrameCore>>,
    pub(crate) caller: CallerInfo,
    /// `sys.set_int_max_str_digits` (0 = no limit).
    pub int_max_str_digits: usize,
    /// `sys.flags` (`flags.rs`); its optimization level applies to what
    /// the VM compiles.
    pub(crate) flags: crate::flags::Flags,
    /// Where stdout/stderr writes of the built-in file objects go.
    pub output: Rc<RefCell<dyn crate::io::Output>>,
    /// Source text of files run so far, for tracebacks.
    pub(crate) sources: HashMap<String, Rc<str>>,
    /// Modules compiled into the program (`frozen.rs`), if any.
    pub(crate) frozen_library: Option<Rc<crate::frozen::Mounted>>,
    /// Extra state of native modules, by key.
    pub extensions: HashMap<&'static str, Box<dyn std::any::Any>>,
    /// Set while the VM is tearing down (skip finalisation work).
    pub(crate) finalizing: bool,
    /// Set from another thread to raise KeyboardInterrupt (`interrupt.rs`).
    pub(crate) interrupt: crate::interrupt::InterruptFlag,
    /// Instruction budget, time limit and memory cap (`limits.rs`).
    pub limits: crate::limits::Limits,
    /// What the running code may touch outside the VM (`sandbox.rs`).
    pub sandbox: crate::sandbox::Sandbox,
    /// The classes deferred namespaces of built-in types build objects of.
    pub(crate) lazy_classes: Rc<crate::objects::type_lazy::LazyClasses>,
    /// This interpreter's subclasses of shared types, by the type's address
    /// (see `Vm::add_subclass`).
    pub(crate) shared_subclasses: HashMap<usize, Vec<std::rc::Weak<PyObject>>>,
    /// The shared runtime (`runtime.rs`); `None` in the runtime's own
    /// prototype.
    pub(crate) runtime: Option<Rc<crate::runtime::Runtime>>,
    /// The thread's typed native types (`native_type.rs`), shared with
    /// the runtime like the built-in types.
    pub(crate) native_types: Rc<crate::native_type::NativeTypes>,
}

/// What a new `Vm` starts from: shared with the runtime or made for it.
struct Shared {
    types: Rc<Types>,
    exc: Rc<ExcTypes>,
    names: Rc<Names>,
    builtins: PyRef,
    builtins_dict: PyRef,
    sys: PyRef,
    modules: PyRef,
    not_implemented: PyRef,
    ellipsis: PyRef,
    empty_tuple: PyRef,
    null_marker: PyRef,
    lazy_classes: Rc<crate::objects::type_lazy::LazyClasses>,
    native_types: Rc<crate::native_type::NativeTypes>,
}

impl Vm {
    /// A fresh VM with the built-in types, `builtins` and `sys`. The
    /// built-in types and names are this thread's shared runtime
    /// (`runtime.rs`), built by the first call.
    pub fn new() -> Vm {
        Vm::with_runtime(crate::runtime::Runtime::current())
    }

    /// A VM on `rt`: its own `builtins` and `sys` (copies of the
    /// prototype's namespaces), module table and everything else.
    fn with_runtime(rt: Rc<crate::runtime::Runtime>) -> Vm {
        let p = &rt.proto;
        let dict_t = p.types.dict.clone();
        let module_t = p.types.module.clone();
        let mk_dict = |table: DictTable| {
            PyObject::new_raw(
                Some(dict_t.clone()),
                Payload::Dict(RefCell::new(table)),
                None,
            )
        };
        let mk_module = |name: &str, dict: &PyRef| {
            PyObject::new_raw(
                Some(module_t.clone()),
                Payload::Module(crate::objects::module::ModuleData::new(name)),
                Some(dict.clone()),
            )
        };
        let copy = |d: Option<&PyRef>| match d.map(|d| &d.payload) {
            Some(Payload::Dict(t)) => t.borrow().clone(),
            _ => DictTable::new(),
        };
        let builtins_dict = mk_dict(copy(Some(&p.builtins_dict)));
        let builtins = mk_module("builtins", &builtins_dict);
        let sys = mk_module("sys", &mk_dict(copy(p.sys.dict_raw())));
        let shared = Shared {
            types: p.types.clone(),
            exc: p.exc.clone(),
            names: p.names.clone(),
            builtins,
            builtins_dict,
            sys,
            modules: mk_dict(DictTable::new()),
            not_implemented: p.not_implemented.clone(),
            ellipsis: p.ellipsis.clone(),
            empty_tuple: p.empty_tuple.clone(),
            null_marker: p.null_marker.clone(),
            lazy_classes: p.lazy_classes.clone(),
            native_types: p.native_types.clone(),
        };
        let mut vm = Vm::assemble(shared, Some(rt));
        crate::sys::init_interpreter(&mut vm);
        crate::objects::finalize::install(&vm);
        vm
    }

    /// The runtime's prototype: builds the built-in types, names and the
    /// `builtins` and `sys` namespaces every interpreter shares.
    pub(crate) fn prototype() -> Vm {
        let types = Types::bootstrap();
        let exc = ExcTypes::bootstrap(&types);
        // The key hashes only the str's text, which never changes.
        #[allow(clippy::mutable_key_type)]
        let mut interned: HashSet<Interned, ahash::RandomState> = HashSet::default();
        interned.reserve(512);
        let str_t = types.str.clone();
        let names = Names::new(|s| {
            let r = PyObject::new_raw(
                Some(str_t.clone()),
                Payload::Str(PyStr::new(s.to_owned())),
                None,
            );
            interned.insert(Interned(r.clone()));
            r
        });
        let dict_t = types.dict.clone();
        let mk_dict = || {
            PyObject::new_raw(
                Some(dict_t.clone()),
                Payload::Dict(RefCell::new(DictTable::new())),
                None,
            )
        };
        let builtins_dict = mk_dict();
        let builtins = PyObject::new_raw(
            Some(types.module.clone()),
            Payload::Module(crate::objects::module::ModuleData::new("builtins")),
            Some(builtins_dict.clone()),
        );
        let sys = PyObject::new_raw(
            Some(types.module.clone()),
            Payload::Module(crate::objects::module::ModuleData::new("sys")),
            Some(mk_dict()),
        );
        let lazy_classes = Rc::new(crate::objects::type_lazy::LazyClasses {
            str_t: Rc::downgrade(&types.str),
            method_descriptor: Rc::downgrade(&types.method_descriptor),
            wrapper_descriptor: Rc::downgrade(&types.wrapper_descriptor),
            classmethod_descriptor: Rc::downgrade(&types.classmethod_descriptor),
            builtin_function: Rc::downgrade(&types.builtin_function),
            getset_descriptor: Rc::downgrade(&types.getset_descriptor),
            member_descriptor: Rc::downgrade(&types.member_descriptor),
            tuple: Rc::downgrade(&types.tuple),
        });
        let shared = Shared {
            not_implemented: PyObject::new_raw(
                Some(types.not_implemented_type.clone()),
                Payload::Instance,
                None,
            ),
            ellipsis: PyObject::new_raw(Some(types.ellipsis_type.clone()), Payload::Instance, None),
            null_marker: PyObject::new_raw(Some(types.object.clone()), Payload::Instance, None),
            empty_tuple: PyObject::new_raw(
                Some(types.tuple.clone()),
                Payload::Tuple(Vec::new()),
                None,
            ),
            modules: mk_dict(),
            types: Rc::new(types),
            exc: Rc::new(exc),
            names: Rc::new(names),
            builtins,
            builtins_dict,
            sys,
            lazy_classes,
            native_types: Rc::default(),
        };
        let mut vm = Vm::assemble(shared, None);
        vm.interned = interned;
        crate::objects::init_types(&mut vm);
        crate::builtins::init(&mut vm);
        crate::core_modules::init(&mut vm);
        vm
    }

    /// A VM around `shared`, with everything else in its starting state.
    fn assemble(s: Shared, runtime: Option<Rc<crate::runtime::Runtime>>) -> Vm {
        Vm {
            types: s.types,
            exc: s.exc,
            names: s.names,
            interned: HashSet::default(),
            builtins: s.builtins,
            builtins_dict: s.builtins_dict,
            sys: s.sys,
            modules: s.modules,
            not_implemented: s.not_implemented,
            ellipsis: s.ellipsis,
            empty_tuple: s.empty_tuple,
            depth: 0,
            recursion_limit: 1000,
            handled: None,
            frame_pool: Vec::new(),
            frame_stack: Vec::new(),
            repr_stack: Vec::new(),
            null_marker: s.null_marker,
            gc: Gc::default(),
            finalize_queue: Default::default(),
            asyncgen_hooks: Default::default(),
            method_cache: Default::default(),
            native_modules: HashMap::new(),
            buffer_exporters: Vec::new(),
            cur_frame: None,
            caller: CallerInfo::default(),
            loops: Vec::new(),
            int_max_str_digits: 4300,
            flags: crate::flags::Flags::default(),
            output: Rc::new(RefCell::new(crate::io::StdOutput::default())),
            sources: HashMap::new(),
            frozen_library: None,
            extensions: HashMap::new(),
            finalizing: false,
            interrupt: Default::default(),
            limits: crate::limits::Limits::default(),
            sandbox: crate::sandbox::Sandbox::default(),
            lazy_classes: s.lazy_classes,
            shared_subclasses: HashMap::new(),
            runtime,
            native_types: s.native_types,
        }
    }

    // ---- allocation ----

    /// Allocates an object, registering containers with the cycle collector.
    #[inline]
    pub fn alloc(&mut self, class: PyRef, payload: Payload) -> PyRef {
        let track = payload.is_container();
        let o = PyObject::new_raw(Some(class), payload, None);
        if track {
            self.gc_track(&o);
        }
        o
    }

    /// Allocates an object with an instance `__dict__`.
    pub fn alloc_with_dict(&mut self, class: PyRef, payload: Payload) -> PyRef {
        let d = self.new_dict_ref();
        let o = PyObject::new_raw(Some(class), payload, Some(d));
        self.gc_track(&o);
        o
    }

    /// An instance of `cls` with the payload its layout needs and a
    /// `__dict__` if the class gives its instances one.
    pub fn alloc_instance(&mut self, cls: &PyRef, payload: Payload) -> PyRef {
        let (wants_dict, nslots) = cls
            .as_type()
            .map(|t| (t.instance_dict, t.nslots))
            .unwrap_or((false, 0));
        // A subclass with `__slots__` of a type whose payload has no slot
        // storage (a native type: `socket.socket` derives from
        // `_socket.socket`) keeps its slot values in an instance dict,
        // where the member descriptors look when there is no storage.
        let slots_in_dict = nslots > 0 && !matches!(payload, Payload::Slots(_));
        if wants_dict || slots_in_dict {
            self.alloc_with_dict(cls.clone(), payload)
        } else {
            self.alloc(cls.clone(), payload)
        }
    }

    /// The payload of a new plain instance of `cls` (slot storage for
    /// classes with `__slots__`).
    pub fn instance_payload(&self, cls: &PyRef) -> Payload {
        match cls.as_type().map(|t| t.nslots).unwrap_or(0) {
            0 => Payload::Instance,
            n => Payload::Slots(RefCell::new(vec![None; n])),
        }
    }

    /// The interned `str` object for `s`.
    pub fn intern(&mut self, s: &str) -> PyRef {
        if let Some(r) = self.interned.get(s) {
            return r.0.clone();
        }
        if let Some(r) = self
            .runtime
            .as_ref()
            .and_then(|rt| rt.proto.interned.get(s))
        {
            return r.0.clone();
        }
        let r = PyObject::new_raw(
            Some(self.types.str.clone()),
            Payload::Str(PyStr::new(s.to_owned())),
            None,
        );
        self.interned.insert(Interned(r.clone()));
        r
    }

    /// A new `str` object.
    #[inline]
    pub fn new_str(&mut self, s: impl Into<String>) -> PyRef {
        PyObject::new_raw(
            Some(self.types.str.clone()),
            Payload::Str(PyStr::new(s.into())),
            None,
        )
    }

    /// A `str` value.
    #[inline]
    pub fn str_val(&mut self, s: impl Into<String>) -> Value {
        Value::Obj(self.new_str(s))
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(PyObject::new_raw(
            Some(self.types.bytes.clone()),
            Payload::Bytes(b),
            None,
        ))
    }

    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(self.alloc(
            self.types.bytearray.clone(),
            Payload::ByteArray(RefCell::new(b)),
        ))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.alloc(self.types.list.clone(), Payload::List(RefCell::new(items))))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.empty_tuple.clone());
        }
        Value::Obj(self.alloc(self.types.tuple.clone(), Payload::Tuple(items)))
    }

    /// A new empty dict object.
    pub fn new_dict_ref(&mut self) -> PyRef {
        self.alloc(
            self.types.dict.clone(),
            Payload::Dict(RefCell::new(DictTable::new())),
        )
    }

    pub fn new_dict(&mut self) -> Value {
        Value::Obj(self.new_dict_ref())
    }

    pub fn new_set(&mut self, t: SetTable) -> Value {
        Value::Obj(self.alloc(self.types.set.clone(), Payload::Set(RefCell::new(t))))
    }

    pub fn new_frozenset(&mut self, t: SetTable) -> Value {
        Value::Obj(self.alloc(
            self.types.frozenset.clone(),
            Payload::FrozenSet(RefCell::new(t)),
        ))
    }

    /// An int value from a big integer (inline when it fits in i64).
    pub fn new_int(&mut self, i: Integer) -> Value {
        match i64::try_from(&i) {
            Ok(s) => Value::Int(s),
            Err(_) => Value::Obj(PyObject::new_raw(
                Some(self.types.int.clone()),
                Payload::Int(i),
                None,
            )),
        }
    }

    /// A new cell (for closures).
    pub fn new_cell(&mut self, v: Option<Value>) -> PyRef {
        self.alloc(self.types.cell.clone(), Payload::Cell(RefCell::new(v)))
    }

    /// `NotImplemented`.
    #[inline]
    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented.clone())
    }

    #[inline]
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if Rc::ptr_eq(o, &self.not_implemented))
    }

    // ---- classes ----

    /// `type(v)`.
    #[inline]
    pub fn class_of(&self, v: &Value) -> PyRef {
        match v {
            Value::None => self.types.none_type.clone(),
            Value::Bool(_) => self.types.bool_.clone(),
            Value::Int(_) => self.types.int.clone(),
            Value::Float(_) => self.types.float.clone(),
            Value::Obj(o) => match &*o.class_ref() {
                Some(c) => c.clone(),
                None => self.types.type_.clone(),
            },
        }
    }

    /// `type(o)` for a heap object.
    #[inline]
    pub fn obj_class(&self, o: &PyObject) -> PyRef {
        match &*o.class_ref() {
            Some(c) => c.clone(),
            None => self.types.type_.clone(),
        }
    }

    /// Name of the current module (`__name__` of the running frame's
    /// globals), for `__module__` of new classes.
    pub fn current_module_name(&mut self) -> Option<Value> {
        let g = self.cur_frame.as_ref()?.globals.clone();
        let k = self.names.__name__.clone();
        crate::objects::dict::get_str(&g, &k)
    }

    // ---- errors ----

    /// A new exception instance of `cls` with `args`.
    pub fn new_exception(&mut self, cls: &PyRef, args: Vec<Value>) -> PyRef {
        // Calling the class runs its __init__ (StopIteration.value,
        // OSError.errno, ...); fall back to a bare instance if that fails.
        // Headroom so that raising RecursionError itself can run __init__.
        self.recursion_limit += 50;
        let made = if self.depth < self.recursion_limit {
            self.call(&Value::Obj(cls.clone()), &args)
        } else {
            Ok(Value::None)
        };
        self.recursion_limit -= 50;
        if let Ok(Value::Obj(o)) = made {
            if matches!(o.payload, Payload::Exception(_)) {
                return o;
            }
        }
        let args = self.new_tuple(args);
        crate::objects::exception::new_exception_obj(self, cls, args)
    }

    /// A new exception of `cls` with a message, as a raisable error.
    pub fn new_error(&mut self, cls: &PyRef, msg: impl Into<String>) -> PyErr {
        let m = self.str_val(msg);
        PyErr(self.new_exception(cls, vec![m]))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.type_error.clone();
        self.new_error(&c, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.value_error.clone();
        self.new_error(&c, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.index_error.clone();
        self.new_error(&c, msg)
    }
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.attribute_error.clone();
        self.new_error(&c, msg)
    }
    pub fn name_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.name_error.clone();
        self.new_error(&c, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.runtime_error.clone();
        self.new_error(&c, msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.overflow_error.clone();
        self.new_error(&c, msg)
    }
    pub fn zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.zero_division_error.clone();
        self.new_error(&c, msg)
    }
    pub fn system_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.system_error.clone();
        self.new_error(&c, msg)
    }
    pub fn not_implemented_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.not_implemented_error.clone();
        self.new_error(&c, msg)
    }
    pub fn import_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.import_error.clone();
        self.new_error(&c, msg)
    }
    pub fn os_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.os_error.clone();
        self.new_error(&c, msg)
    }
    /// MemoryError with no message.
    pub fn memory_error(&mut self) -> PyErr {
        let c = self.exc.memory_error.clone();
        PyErr(self.new_exception(&c, vec![]))
    }
    /// KeyError(key).
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.key_error.clone();
        PyErr(self.new_exception(&c, vec![key]))
    }
    /// StopIteration(value) (no args for None).
    pub fn stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        let c = self.exc.stop_iteration.clone();
        let args = value.into_iter().collect();
        PyErr(self.new_exception(&c, args))
    }
    pub fn recursion_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.recursion_error.clone();
        self.new_error(&c, msg)
    }

    /// Whether `err` is an instance of exception class `cls`.
    pub fn err_matches(&self, err: &PyErr, cls: &PyRef) -> bool {
        self.is_instance(&Value::Obj(err.0.clone()), cls)
    }

    /// Registers a native module initialiser under `name` (importable),
    /// and lists it in `sys.builtin_module_names` (CPython's `os.py`
    /// looks for `posix` there).
    pub fn register_module(&mut self, name: &str, init: ModuleInit) {
        self.native_modules.insert(name.to_owned(), init);
        self.list_builtin_module(name);
    }

    /// Adds `name` to `sys.builtin_module_names` (a sorted tuple).
    fn list_builtin_module(&mut self, name: &str) {
        let sys = self.sys.clone();
        let Some(d) = sys.dict().cloned() else {
            return;
        };
        let mut names: Vec<String> = match self.dict_get_str(&d, "builtin_module_names") {
            Some(t) => match t.as_tuple() {
                Some(items) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
                None => return,
            },
            None => vec!["builtins".to_owned(), "sys".to_owned()],
        };
        if let Err(at) = names.binary_search_by(|n| n.as_str().cmp(name)) {
            names.insert(at, name.to_owned());
            let items: Vec<Value> = names.into_iter().map(|n| self.str_val(n)).collect();
            let t = self.new_tuple(items);
            self.module_set(&sys, "builtin_module_names", t);
        }
    }

    /// The `OSError` subclass CPython raises for `e` (`FileNotFoundError`,
    /// `PermissionError`, ...) with errno and strerror, then `extra`
    /// constructor arguments: `[filename]` or `[filename, None, filename2]`.
    ///
    /// ```
    /// let mut interp = rpy_vm::Interpreter::new();
    /// let vm = interp.vm();
    /// let e = std::io::Error::from(std::io::ErrorKind::NotFound);
    /// let name = vm.str_val("x.txt");
    /// let err = vm.io_error(&e, &[name]);
    /// let cls = vm.exc.file_not_found_error.clone();
    /// assert!(vm.err_matches(&err, &cls));
    /// ```
    pub fn io_error(&mut self, e: &std::io::Error, extra: &[Value]) -> PyErr {
        crate::io::os_error_from(self, e, extra)
    }

    /// The initialiser of native module `name`: this interpreter's own,
    /// else one of the runtime's built-in ones.
    pub(crate) fn native_module(&self, name: &str) -> Option<ModuleInit> {
        self.native_modules.get(name).cloned().or_else(|| {
            self.runtime
                .as_ref()
                .and_then(|rt| rt.proto.native_modules.get(name).cloned())
        })
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // A panic here would unwind into the embedder's drop.
        self.swallow_panic(|vm| vm.teardown());
    }
}
