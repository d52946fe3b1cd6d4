//! Exceptions: the built-in exception hierarchy of CPython 3.11 (the
//! methods of exception groups are in `exception_group.rs`), the exception payload (args, traceback entries,
//! cause/context), and the methods of `BaseException` and the subclasses
//! with extra attributes (StopIteration, SystemExit, KeyError, OSError,
//! SyntaxError, ImportError, NameError, AttributeError, UnicodeError).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::native::Args;
use crate::object::{Payload, PyObject};
use crate::objects::code::Code;
use crate::objects::table::DictTable;
use crate::objects::type_::{set_bases, Layout, TypeData};
use crate::types::Types;
use crate::value::{PyRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// One traceback entry: a frame's code and the failing instruction.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub ip: u32,
    /// The frame's globals (for NameError suggestions, `tb_frame`).
    pub globals: Option<PyRef>,
    /// The frame object (`tb_frame`), made as the exception passed.
    pub frame: Option<PyRef>,
}

/// The payload of an exception instance.
pub struct ExceptionData {
    /// The `args` tuple.
    pub args: RefCell<Value>,
    /// Innermost frame first is NOT the order: entries are appended as the
    /// exception travels outward, so the last entry is the outermost frame.
    pub traceback: RefCell<Vec<TbEntry>>,
    /// `__traceback__` set explicitly to a traceback object (or None).
    pub tb_override: RefCell<Option<Value>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// `message` and `exceptions` of a BaseExceptionGroup (set by its
    /// `__new__`; None for every other exception).
    pub group: RefCell<Option<Box<GroupData>>>,
}

/// What a BaseExceptionGroup holds beyond `args` (fixed by `__new__`,
/// as CPython's, whatever `__init__` later does to `args`).
pub struct GroupData {
    /// A str.
    pub message: Value,
    /// A non-empty tuple of exceptions.
    pub exceptions: Value,
}

impl ExceptionData {
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            tb_override: RefCell::new(None),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
            group: RefCell::new(None),
        }
    }
}

macro_rules! exc_types {
    ($root:ident : $root_name:literal; $($field:ident : $name:literal < $base:ident;)*) => {
        /// The built-in exception classes (`vm.exc.type_error`, ...).
        #[derive(Clone)]
        pub struct ExcTypes {
            pub $root: PyRef,
            $(pub $field: PyRef,)*
        }

        impl ExcTypes {
            pub(crate) fn bootstrap(types: &Types) -> ExcTypes {
                let mk = |name: &str, base: &PyRef| -> PyRef {
                    let d = PyObject::new_raw(Some(types.dict.clone()), Payload::Dict(RefCell::new(DictTable::new())), None);
                    let mut td = TypeData::new(name, Layout::Exception);
                    td.instance_dict = true;
                    let t = PyObject::new_raw(Some(types.type_.clone()), Payload::Type(Box::new(td)), Some(d));
                    set_bases(&t, vec![base.clone()]);
                    t
                };
                let $root = mk($root_name, &types.object);
                // Each base is listed before its subclasses: a local by then.
                $(let $field = mk($name, &$base);)*
                let all = ExcTypes { $root, $($field,)* };
                crate::objects::exception_group::link_bases(&all, types);
                all
            }

            /// (Python name, class) of every built-in exception.
            pub fn all(&self) -> Vec<(&'static str, PyRef)> {
                vec![($root_name, self.$root.clone()), $(($name, self.$field.clone()),)*]
            }
        }
    };
}

exc_types! {
    base_exception: "BaseException";
    generator_exit: "GeneratorExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    system_exit: "SystemExit" < base_exception;
    exception: "Exception" < base_exception;
    base_exception_group: "BaseExceptionGroup" < base_exception;
    // Its second base, Exception, is linked by `exception_group::link_bases`.
    exception_group: "ExceptionGroup" < base_exception_group;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    blocking_io_error: "BlockingIOError" < os_error;
    child_process_error: "ChildProcessError" < os_error;
    connection_error: "ConnectionError" < os_error;
    broken_pipe_error: "BrokenPipeError" < connection_error;
    connection_aborted_error: "ConnectionAbortedError" < connection_error;
    connection_refused_error: "ConnectionRefusedError" < connection_error;
    connection_reset_error: "ConnectionResetError" < connection_error;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    interrupted_error: "InterruptedError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    process_lookup_error: "ProcessLookupError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    stop_async_iteration: "StopAsyncIteration" < exception;
    stop_iteration: "StopIteration" < exception;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    unicode_translate_error: "UnicodeTranslateError" < unicode_error;
    warning: "Warning" < exception;
    bytes_warning: "BytesWarning" < warning;
    deprecation_warning: "DeprecationWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    user_warning: "UserWarning" < warning;
}

/// Creates an exception instance of `cls` (a BaseException subclass) with
/// an args tuple, without running `__init__`.
pub fn new_exception_obj(vm: &mut Vm, cls: &PyRef, args: Value) -> PyRef {
    vm.alloc_with_dict(
        cls.clone(),
        Payload::Exception(Box::new(ExceptionData::new(args))),
    )
}

/// The exception payload of a value, if it is an exception.
pub fn exc_data(v: &Value) -> Option<&ExceptionData> {
    match v.payload() {
        Some(Payload::Exception(e)) => Some(e),
        _ => None,
    }
}

fn this_exc<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a ExceptionData> {
    match v.payload() {
        Some(Payload::Exception(e)) => Ok(e),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn exc_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    };
    let rest: Vec<Value> = args.shift().pos().to_vec();
    let t = vm.new_tuple(rest);
    Ok(Value::Obj(new_exception_obj(vm, &cls, t)))
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let name = vm.type_name(&this);
    if args.has_kw() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let rest: Vec<Value> = args.shift().pos().to_vec();
    let t = vm.new_tuple(rest);
    let e = this_exc(vm, &this)?;
    *e.args.borrow_mut() = t;
    Ok(Value::None)
}

/// `str(exc)`: '' for no args, str(arg) for one, str(args) otherwise.
fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let a = this_exc(vm, &this)?.args.borrow().clone();
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    match items.len() {
        0 => Ok(vm.str_val("")),
        1 => {
            let s = vm.str(&items[0])?;
            Ok(vm.str_val(s))
        }
        _ => {
            let s = vm.repr(&a)?;
            Ok(vm.str_val(s))
        }
    }
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let name = vm.type_name(&this);
    let a = this_exc(vm, &this)?.args.borrow().clone();
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    // `Name(arg)` for one argument, else the name and the args tuple's
    // repr (which brings its own parentheses).
    let r = if items.len() == 1 {
        format!("{name}({})", vm.repr(&items[0])?)
    } else {
        format!("{name}{}", vm.repr(&a)?)
    };
    Ok(vm.str_val(r))
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, tb] = args.exact_method(vm, "BaseException.with_traceback")?;
    set_traceback(vm, this, tb.clone())?;
    Ok(this.clone())
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, note] = args.exact_method(vm, "BaseException.add_note")?;
    if note.as_str().is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let key = vm.intern("__notes__");
    let notes = match vm.get_attr_opt(this, &key)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.set_attr(this, &key, l.clone())?;
            l
        }
    };
    match notes.payload() {
        Some(Payload::List(l)) => l.borrow_mut().push(note.clone()),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

/// Sets `__traceback__` from a traceback object or None.
pub fn set_traceback(vm: &mut Vm, exc: &Value, tb: Value) -> PyResult<()> {
    let e = this_exc(vm, exc)?;
    match &tb {
        Value::None => {
            e.traceback.borrow_mut().clear();
            *e.tb_override.borrow_mut() = None;
        }
        Value::Obj(o) if matches!(o.payload, Payload::Traceback(_)) => {
            let entries = crate::traceback::entries_of_tb(o);
            *e.traceback.borrow_mut() = entries;
            *e.tb_override.borrow_mut() = None;
        }
        _ => return Err(vm.type_error("__traceback__ must be a traceback or None")),
    }
    Ok(())
}

fn get_args(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this_exc(vm, v)?.args.borrow().clone())
}
fn set_args(vm: &mut Vm, v: &Value, a: Value) -> PyResult<()> {
    let items = vm.iterate(&a)?;
    let t = vm.new_tuple(items);
    *this_exc(vm, v)?.args.borrow_mut() = t;
    Ok(())
}
fn get_cause(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this_exc(vm, v)?.cause.borrow().clone())
}
fn set_cause(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    if !c.is_none() && exc_data(&c).is_none() {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let e = this_exc(vm, v)?;
    *e.cause.borrow_mut() = c;
    e.suppress_context.set(true);
    Ok(())
}
fn get_context(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this_exc(vm, v)?.context.borrow().clone())
}
fn set_context(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    if !c.is_none() && exc_data(&c).is_none() {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    *this_exc(vm, v)?.context.borrow_mut() = c;
    Ok(())
}
fn get_suppress(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(this_exc(vm, v)?.suppress_context.get()))
}
fn set_suppress(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    let b = vm.is_true(&c)?;
    this_exc(vm, v)?.suppress_context.set(b);
    Ok(())
}
fn get_tb(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = this_exc(vm, v)?;
    if let Some(o) = e.tb_override.borrow().clone() {
        return Ok(o);
    }
    let entries = e.traceback.borrow().clone();
    Ok(crate::traceback::make_tb_objects(vm, &entries))
}
fn set_tb(vm: &mut Vm, v: &Value, tb: Value) -> PyResult<()> {
    set_traceback(vm, v, tb)
}

/// The first arg (or None): `StopIteration.value`, `SystemExit.code`.
fn first_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = get_args(vm, v)?;
    Ok(a.as_tuple()
        .and_then(|t| t.first().cloned())
        .unwrap_or(Value::None))
}

fn stop_iteration_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exc_init(vm, args)?;
    let this = args.this().clone();
    let v = first_arg(vm, &this)?;
    let k = vm.names.value.clone();
    vm.generic_set_dict_attr(&this, &k, v)?;
    Ok(Value::None)
}

fn system_exit_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exc_init(vm, args)?;
    let this = args.this().clone();
    let a = get_args(vm, &this)?;
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let code = match items.len() {
        0 => Value::None,
        1 => items[0].clone(),
        _ => a.clone(),
    };
    let k = vm.names.code.clone();
    vm.generic_set_dict_attr(&this, &k, code)?;
    Ok(Value::None)
}

/// KeyError: str() is the repr of a single key.
fn key_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let a = get_args(vm, &this)?;
    if let Some([k]) = a.as_tuple() {
        let r = vm.repr(k)?;
        return Ok(vm.str_val(r));
    }
    exc_str(vm, args)
}

/// Sets keyword-settable attributes (`name=`, `obj=`, `path=`) to their
/// value or None.
fn kw_attrs_init(vm: &mut Vm, args: Args, names: &[&str], cls_name: &str) -> PyResult<Value> {
    let this = args.this().clone();
    let pos: Vec<Value> = args.shift().pos().to_vec();
    for (k, _) in args.kw() {
        if !names.contains(&k) {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {cls_name}()"
            )));
        }
    }
    let t = vm.new_tuple(pos.clone());
    *this_exc(vm, &this)?.args.borrow_mut() = t;
    for n in names {
        let v = args.kwarg(n).cloned().unwrap_or(Value::None);
        let k = vm.intern(n);
        vm.generic_set_dict_attr(&this, &k, v)?;
    }
    Ok(Value::None)
}

fn name_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    kw_attrs_init(vm, args, &["name"], "NameError")
}
fn attribute_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    kw_attrs_init(vm, args, &["name", "obj"], "AttributeError")
}
fn import_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    kw_attrs_init(vm, args, &["name", "path"], "ImportError")?;
    let this = args.this().clone();
    let m = first_arg(vm, &this)?;
    let a = get_args(vm, &this)?;
    let msg = if a.as_tuple().map(|t| t.len() == 1).unwrap_or(false) {
        m
    } else {
        Value::None
    };
    let k = vm.names.msg.clone();
    vm.generic_set_dict_attr(&this, &k, msg)?;
    Ok(Value::None)
}
fn import_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let k = vm.names.msg.clone();
    if let Some(m) = vm.get_attr_opt(&this, &k)? {
        if !m.is_none() {
            let s = vm.str(&m)?;
            return Ok(vm.str_val(s));
        }
    }
    exc_str(vm, args)
}

/// The OSError subclass CPython picks for an errno (Linux numbers).
fn os_error_subclass(vm: &Vm, errno: i64) -> Option<PyRef> {
    let e = &vm.exc;
    Some(match errno {
        1 | 13 => e.permission_error.clone(),
        2 => e.file_not_found_error.clone(),
        3 => e.process_lookup_error.clone(),
        4 => e.interrupted_error.clone(),
        10 => e.child_process_error.clone(),
        11 | 114 | 115 => e.blocking_io_error.clone(),
        17 => e.file_exists_error.clone(),
        20 => e.not_a_directory_error.clone(),
        21 => e.is_a_directory_error.clone(),
        32 | 108 => e.broken_pipe_error.clone(),
        103 => e.connection_aborted_error.clone(),
        104 => e.connection_reset_error.clone(),
        110 => e.timeout_error.clone(),
        111 => e.connection_refused_error.clone(),
        _ => return None,
    })
}

/// `OSError(errno, ...)` creates the errno's subclass.
fn os_error_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut cls = match args.this() {
        Value::Obj(c) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("OSError.__new__(X): X is not a type object")),
    };
    let rest: Vec<Value> = args.shift().pos().to_vec();
    if std::rc::Rc::ptr_eq(&cls, &vm.exc.os_error) && rest.len() >= 2 {
        if let Value::Int(n) = rest[0] {
            if let Some(sub) = os_error_subclass(vm, n) {
                cls = sub;
            }
        }
    }
    let t = vm.new_tuple(rest);
    Ok(Value::Obj(new_exception_obj(vm, &cls, t)))
}

/// OSError(errno, strerror[, filename]) attributes and str().
fn os_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exc_init(vm, args)?;
    let this = args.this().clone();
    let a = get_args(vm, &this)?;
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&items.len()) {
        (
            items[0].clone(),
            items[1].clone(),
            items.get(2).cloned().unwrap_or(Value::None),
            items.get(4).cloned().unwrap_or(Value::None),
        )
    } else {
        (Value::None, Value::None, Value::None, Value::None)
    };
    for (n, v) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", filename),
        ("filename2", filename2),
    ] {
        let k = vm.intern(n);
        vm.generic_set_dict_attr(&this, &k, v)?;
    }
    if (3..=5).contains(&items.len()) {
        let t = vm.new_tuple(items[..2].to_vec());
        *this_exc(vm, &this)?.args.borrow_mut() = t;
    }
    Ok(Value::None)
}

fn os_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        Ok(vm.get_attr_opt(&this, &k)?.unwrap_or(Value::None))
    };
    let errno = get(vm, "errno")?;
    let strerror = get(vm, "strerror")?;
    let filename = get(vm, "filename")?;
    let filename2 = get(vm, "filename2")?;
    if !errno.is_none() || !strerror.is_none() {
        let e = vm.str(&errno)?;
        let s = vm.str(&strerror)?;
        if !filename.is_none() {
            let f = vm.repr(&filename)?;
            if !filename2.is_none() {
                let f2 = vm.repr(&filename2)?;
                return Ok(vm.str_val(format!("[Errno {e}] {s}: {f} -> {f2}")));
            }
            return Ok(vm.str_val(format!("[Errno {e}] {s}: {f}")));
        }
        return Ok(vm.str_val(format!("[Errno {e}] {s}")));
    }
    exc_str(vm, args)
}

/// SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)).
fn syntax_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exc_init(vm, args)?;
    let this = args.this().clone();
    let a = get_args(vm, &this)?;
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let msg = items.first().cloned().unwrap_or(Value::None);
    let k = vm.names.msg.clone();
    vm.generic_set_dict_attr(&this, &k, msg)?;
    let mut info: Vec<Value> = vec![Value::None; 6];
    if let Some(detail) = items.get(1) {
        let d = vm.iterate(detail)?;
        if !(4..=6).contains(&d.len()) {
            return Err(vm.index_error("tuple index out of range"));
        }
        for (i, v) in d.into_iter().enumerate() {
            info[i] = v;
        }
    }
    for (n, v) in [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ]
    .iter()
    .zip(info)
    {
        let k = vm.intern(n);
        vm.generic_set_dict_attr(&this, &k, v)?;
    }
    let k = vm.intern("print_file_and_line");
    vm.generic_set_dict_attr(&this, &k, Value::None)?;
    Ok(Value::None)
}

fn syntax_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        Ok(vm.get_attr_opt(&this, &k)?.unwrap_or(Value::None))
    };
    let msg = get(vm, "msg")?;
    let filename = get(vm, "filename")?;
    let lineno = get(vm, "lineno")?;
    let m = vm.str(&msg)?;
    let fname = filename.as_str().map(|f| {
        std::path::Path::new(f)
            .file_name()
            .map(|x| x.to_string_lossy().into_owned())
            .unwrap_or_else(|| f.to_owned())
    });
    let line = match lineno {
        Value::Int(i) => Some(i),
        _ => None,
    };
    let s = match (fname, line) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        (None, None) => m,
    };
    Ok(vm.str_val(s))
}

/// UnicodeDecodeError(encoding, object, start, end, reason).
fn unicode_error_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exc_init(vm, args)?;
    let this = args.this().clone();
    let a = get_args(vm, &this)?;
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if items.len() == 5 {
        for (n, v) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .zip(items)
        {
            let k = vm.intern(n);
            vm.generic_set_dict_attr(&this, &k, v)?;
        }
    }
    Ok(Value::None)
}

fn unicode_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let decode = vm.is_instance(&this, &vm.exc.unicode_decode_error.clone());
    let get = |vm: &mut Vm, n: &str| -> PyResult<Option<Value>> {
        let k = vm.intern(n);
        vm.get_attr_opt(&this, &k)
    };
    let (Some(enc), Some(obj), Some(Value::Int(start)), Some(Value::Int(end)), Some(reason)) = (
        get(vm, "encoding")?,
        get(vm, "object")?,
        get(vm, "start")?,
        get(vm, "end")?,
        get(vm, "reason")?,
    ) else {
        return exc_str(vm, args);
    };
    let enc = vm.str(&enc)?;
    let reason = vm.str(&reason)?;
    let s = if decode {
        let b = match obj.payload() {
            Some(Payload::Bytes(b)) => b.clone(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => Vec::new(),
        };
        if end == start + 1 {
            let byte = b.get(start as usize).copied().unwrap_or(0);
            format!("'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
        } else {
            format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            )
        }
    } else {
        let text = obj.as_str().unwrap_or("").to_owned();
        if end == start + 1 {
            let c = crate::text::surrogates::code_point(
                text.chars().nth(start as usize).unwrap_or('\0'),
            );
            let esc = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            format!("'{enc}' codec can't encode character '{esc}' in position {start}: {reason}")
        } else {
            format!(
                "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                end - 1
            )
        }
    };
    Ok(vm.str_val(s))
}

/// Registers exception methods and attributes.
pub fn init(vm: &mut Vm) {
    let be = vm.exc.base_exception.clone();
    vm.add_static(&be, "__new__", exc_new);
    vm.add_methods(
        &be,
        &[
            ("__init__", exc_init),
            ("__str__", exc_str),
            ("__repr__", exc_repr),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    vm.add_getset(&be, "args", get_args, Some(set_args));
    vm.add_getset(&be, "__cause__", get_cause, Some(set_cause));
    vm.add_getset(&be, "__context__", get_context, Some(set_context));
    vm.add_getset(
        &be,
        "__suppress_context__",
        get_suppress,
        Some(set_suppress),
    );
    vm.add_getset(&be, "__traceback__", get_tb, Some(set_tb));
    let e = vm.exc.clone();
    vm.add_methods(&e.stop_iteration, &[("__init__", stop_iteration_init)]);
    vm.add_methods(&e.system_exit, &[("__init__", system_exit_init)]);
    vm.add_methods(&e.key_error, &[("__str__", key_error_str)]);
    vm.add_methods(&e.name_error, &[("__init__", name_error_init)]);
    vm.add_methods(&e.attribute_error, &[("__init__", attribute_error_init)]);
    vm.add_methods(
        &e.import_error,
        &[
            ("__init__", import_error_init),
            ("__str__", import_error_str),
        ],
    );
    vm.add_methods(
        &e.os_error,
        &[("__init__", os_error_init), ("__str__", os_error_str)],
    );
    vm.add_static(&e.os_error, "__new__", os_error_new);
    vm.add_methods(
        &e.syntax_error,
        &[
            ("__init__", syntax_error_init),
            ("__str__", syntax_error_str),
        ],
    );
    for c in [&e.unicode_decode_error, &e.unicode_encode_error] {
        vm.add_methods(
            c,
            &[
                ("__init__", unicode_error_init),
                ("__str__", unicode_error_str),
            ],
        );
    }
    let m = vm.str_val("builtins");
    for (_, cls) in e.all() {
        vm.set_class_const(&cls, "__module__", m.clone());
    }
    let _ = PyErr(be);
}
