//! `PyObject`: a heap object. Its class, its payload (the built-in data it
//! carries) and, for instances of user classes and other objects with a
//! `__dict__`, an attribute dict.
//!
//! Instances of a subclass of a built-in type (`class L(list)`) carry the
//! base type's payload with the subclass as their class.
//!
//! Payloads with mutable contents use `RefCell`. Rule: never hold a borrow
//! across a call that can run Python code (clone what you need first).

use std::any::Any;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use malachite::Integer;

use crate::native::NativeFunction;
use crate::objects::code::Code;
use crate::objects::descriptor::{GetSetDescr, MemberDescr, PropertyData};
use crate::objects::exception::ExceptionData;
use crate::objects::function::FunctionData;
use crate::objects::generator::GeneratorData;
use crate::objects::iter::IterState;
use crate::objects::module::ModuleData;
use crate::objects::str::PyStr;
use crate::objects::table::{DictTable, SetTable};
use crate::objects::type_::TypeData;
use crate::value::{PyRef, Value};

/// A heap object.
pub struct PyObject {
    /// `None` only for `type` itself, whose class is `type` (kept implicit
    /// so the type object does not own itself).
    class: RefCell<Option<PyRef>>,
    pub payload: Payload,
    /// The instance `__dict__` (a dict object), for objects that have one;
    /// a type's namespace. Read it through [`PyObject::dict`].
    dict: Option<PyRef>,
    /// Where the cycle collector tracks the object (`gc_heap.rs`).
    gc: crate::gc_heap::GcHeader,
}

/// The built-in data of a heap object.
pub enum Payload {
    /// No built-in data: `object()` and instances of plain user classes.
    Instance,
    /// Instances of classes with `__slots__`: the slot values.
    Slots(RefCell<Vec<Option<Value>>>),
    Str(PyStr),
    Bytes(Vec<u8>),
    ByteArray(RefCell<Vec<u8>>),
    /// Ints outside i64 range, and instances of int subclasses.
    Int(Integer),
    /// Instances of float subclasses (exact floats are `Value::Float`).
    Float(f64),
    Complex(f64, f64),
    List(RefCell<Vec<Value>>),
    Tuple(Vec<Value>),
    Dict(RefCell<DictTable>),
    Set(RefCell<SetTable>),
    FrozenSet(RefCell<SetTable>),
    Function(Box<FunctionData>),
    BuiltinFunction(Box<NativeFunction>),
    BoundMethod {
        func: Value,
        this: Value,
    },
    Type(Box<TypeData>),
    Module(ModuleData),
    Code(Rc<Code>),
    Cell(RefCell<Option<Value>>),
    Generator(Box<GeneratorData>),
    Exception(Box<ExceptionData>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Iter(RefCell<IterState>),
    Property(Box<PropertyData>),
    StaticMethod(RefCell<Value>),
    ClassMethod(RefCell<Value>),
    Super {
        class: PyRef,
        this: Value,
        this_type: PyRef,
    },
    GetSet(Box<GetSetDescr>),
    Member(Box<MemberDescr>),
    /// A live view on a dict: `dict.keys()` (0), `.values()` (1), `.items()` (2).
    DictView {
        dict: PyRef,
        kind: u8,
    },
    /// `types.MappingProxyType` around a dict (a type's `__dict__`).
    MappingProxy(PyRef),
    /// A traceback entry chain materialised for `__traceback__`.
    Traceback(crate::traceback::TracebackData),
    /// A frame object (`objects/frame.rs`).
    Frame(Box<crate::objects::frame::FrameData>),
    /// A weak reference or proxy (`objects/weakref.rs`).
    WeakRef(Box<crate::objects::weakref::WeakRefData>),
    /// A range whose start, stop or step is outside i64 (`range(10**20)`).
    BigRange(Box<[Integer; 3]>),
    /// Rust data of an embedding application or a native module.
    NativeData(RefCell<Box<dyn Any>>),
    /// An instance of a typed native type (`native_type.rs`): its value
    /// and its type's slots.
    Native(crate::native_type::NativeBox),
}

impl PyObject {
    /// A new object of `class` (no `__dict__`).
    /// (Use `Vm::alloc`, which also registers containers with the cycle
    /// collector.)
    #[inline]
    pub(crate) fn new_raw(class: Option<PyRef>, payload: Payload, dict: Option<PyRef>) -> PyRef {
        crate::heap_stats::on_alloc(&payload);
        Rc::new(PyObject {
            class: RefCell::new(class),
            payload,
            dict,
            gc: crate::gc_heap::GcHeader::new(),
        })
    }

    /// Whether the cycle collector tracks the object now (`gc.is_tracked`
    /// of a tuple: tuples are tracked when made and let go by a
    /// collection that finds them holding only untracked objects).
    #[inline]
    pub fn gc_tracked(&self) -> bool {
        self.gc.is_tracked()
    }

    /// The collector's part of the header.
    #[inline]
    pub(crate) fn gc_header(&self) -> &crate::gc_heap::GcHeader {
        &self.gc
    }

    /// The object's class, or `None` for `type` itself (see `Vm::class_of`).
    #[inline]
    pub fn class_opt(&self) -> Option<PyRef> {
        self.class.borrow().clone()
    }

    /// The object's class, borrowed (`None` for `type` itself).
    #[inline]
    pub fn class_ref(&self) -> Ref<'_, Option<PyRef>> {
        self.class.borrow()
    }

    pub(crate) fn class_cell(&self) -> &RefCell<Option<PyRef>> {
        &self.class
    }

    /// Whether the object's class is exactly `cls`.
    #[inline]
    pub fn class_is(&self, cls: &PyRef) -> bool {
        match &*self.class.borrow() {
            Some(c) => Rc::ptr_eq(c, cls),
            None => false,
        }
    }

    /// `obj.__class__ = cls` (the caller checks layout compatibility).
    pub fn set_class(&self, class: PyRef) {
        *self.class.borrow_mut() = Some(class);
    }

    /// The object's `__dict__` (a type's namespace), if it has one. A
    /// built-in type's namespace is completed here on first use (see
    /// `objects/type_lazy.rs`).
    #[inline]
    pub fn dict(&self) -> Option<&PyRef> {
        if let Payload::Type(t) = &self.payload {
            if t.lazy_pending.get() {
                if let Some(d) = &self.dict {
                    crate::objects::type_lazy::materialize(t, d);
                }
            }
        }
        self.dict.as_ref()
    }

    /// The `__dict__` as stored, without completing a built-in type's
    /// namespace (for the cycle collector).
    #[inline]
    pub(crate) fn dict_raw(&self) -> Option<&PyRef> {
        self.dict.as_ref()
    }

    /// Takes the `__dict__` out (an object being dropped or revived).
    pub(crate) fn take_dict(&mut self) -> Option<PyRef> {
        self.dict.take()
    }

    /// Whether the object has a `__dict__`.
    #[inline]
    pub fn has_dict(&self) -> bool {
        self.dict.is_some()
    }

    /// The type data if this object is a type.
    #[inline]
    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.payload {
            Payload::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The `__slots__` values of an instance of a class with `__slots__`
    /// (kept in the payload of weak references, which have their own).
    pub(crate) fn slot_storage(&self) -> Option<&RefCell<Vec<Option<Value>>>> {
        match &self.payload {
            Payload::Slots(s) => Some(s),
            Payload::WeakRef(w) => Some(&w.slots),
            _ => None,
        }
    }

    /// The Rust data of a `NativeData` payload, if it is a `T`.
    pub fn native_data<T: 'static>(&self) -> Option<std::cell::RefMut<'_, T>> {
        match &self.payload {
            Payload::NativeData(cell) => {
                let b = cell.try_borrow_mut().ok()?;
                std::cell::RefMut::filter_map(b, |d| d.downcast_mut::<T>()).ok()
            }
            _ => None,
        }
    }
}

impl Payload {
    /// A short name of the payload kind (for debugging output only).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Payload::Instance => "instance",
            Payload::Slots(_) => "instance",
            Payload::Str(_) => "str",
            Payload::Bytes(_) => "bytes",
            Payload::ByteArray(_) => "bytearray",
            Payload::Int(_) => "int",
            Payload::Float(_) => "float",
            Payload::Complex(..) => "complex",
            Payload::List(_) => "list",
            Payload::Tuple(_) => "tuple",
            Payload::Dict(_) => "dict",
            Payload::Set(_) => "set",
            Payload::FrozenSet(_) => "frozenset",
            Payload::Function(_) => "function",
            Payload::BuiltinFunction(_) => "builtin_function_or_method",
            Payload::BoundMethod { .. } => "method",
            Payload::Type(_) => "type",
            Payload::Module(_) => "module",
            Payload::Code(_) => "code",
            Payload::Cell(_) => "cell",
            Payload::Generator(_) => "generator",
            Payload::Exception(_) => "exception",
            Payload::Range { .. } | Payload::BigRange(_) => "range",
            Payload::Slice { .. } => "slice",
            Payload::Iter(_) => "iterator",
            Payload::Property(_) => "property",
            Payload::StaticMethod(_) => "staticmethod",
            Payload::ClassMethod(_) => "classmethod",
            Payload::Super { .. } => "super",
            Payload::GetSet(_) => "getset_descriptor",
            Payload::Member(_) => "member_descriptor",
            Payload::DictView { .. } => "dict_view",
            Payload::MappingProxy(_) => "mappingproxy",
            Payload::Traceback(_) => "traceback",
            Payload::Frame(_) => "frame",
            Payload::WeakRef(_) => "weakref",
            Payload::NativeData(_) | Payload::Native(_) => "native",
        }
    }

    /// Whether objects with this payload can hold references to other
    /// objects (and so must be tracked by the cycle collector).
    pub fn is_container(&self) -> bool {
        !matches!(
            self,
            Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Int(_)
                | Payload::Float(_)
                | Payload::Complex(..)
                | Payload::Range { .. }
                | Payload::BigRange(_)
                | Payload::Code(_)
        )
    }
}

// Dropping deeply nested containers (a list of a list of ... a million
// deep) would recurse once per level on the Rust stack. Like CPython's
// "trashcan", drops nest at most `MAX_DROP_DEPTH` deep; deeper payloads
// are queued and dropped iteratively by the outermost drop.
const MAX_DROP_DEPTH: usize = 200;

thread_local! {
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<(Payload, Option<PyRef>)>> = const { RefCell::new(Vec::new()) };
}

impl Drop for PyObject {
    fn drop(&mut self) {
        crate::heap_stats::on_free();
        if !self.payload.is_container() && self.dict.is_none() {
            // Of the atomic objects, only code objects can be weakly
            // referenced.
            if matches!(self.payload, Payload::Code(_)) {
                crate::objects::weakref::on_death(self);
            }
            return;
        }
        // Forget the object in the collector's generations now, so that no
        // weak entry keeps its memory.
        if self.gc.is_tracked() {
            crate::gc_heap::untrack(self, true);
        }
        if crate::objects::finalize::intercept(self) {
            return;
        }
        crate::objects::weakref::on_death(self);
        let mut payload = std::mem::replace(&mut self.payload, Payload::Instance);
        // CPython releases list and tuple items last to first; finalizers
        // (`__del__`) run in that order too.
        match &mut payload {
            Payload::List(l) => l.get_mut().reverse(),
            Payload::Tuple(t) => t.reverse(),
            _ => {}
        }
        let dict = self.dict.take();
        let depth = DROP_DEPTH.with(|d| d.get());
        if depth >= MAX_DROP_DEPTH {
            // The queue is gone only while the thread exits: drop inline.
            let mut item = Some((payload, dict));
            let _ = DEFERRED.try_with(|q| {
                if let Ok(mut q) = q.try_borrow_mut() {
                    q.extend(item.take());
                }
            });
            drop(item);
            return;
        }
        DROP_DEPTH.with(|d| d.set(depth + 1));
        drop(payload);
        drop(dict);
        if depth == 0 {
            // Outermost drop: empty the queue iteratively.
            loop {
                let next = DEFERRED
                    .try_with(|q| q.try_borrow_mut().ok().and_then(|mut q| q.pop()))
                    .ok()
                    .flatten();
                match next {
                    Some(item) => drop(item),
                    None => break,
                }
            }
        }
        DROP_DEPTH.with(|d| d.set(depth));
    }
}
