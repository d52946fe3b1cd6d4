//! `type`: type objects, C3 method resolution order, attribute lookup
//! through the MRO, class creation (`type(name, bases, dict)` and class
//! statements), and calling a type to create an instance.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::native::Args;
use crate::object::{Payload, PyObject};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// Which built-in payload the instances of a type carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Module,
    Property,
    /// Types whose instances are made only by the VM (functions, code,
    /// iterators, ...).
    Other,
}

/// The data of a type object. Its namespace is the object's `dict`.
pub struct TypeData {
    pub name: RefCell<String>,
    /// The name error messages use when it is not `__name__`: CPython's
    /// `tp_name`, `module.name` for types of native modules
    /// (`'array.array' object ...`).
    pub tp_name: RefCell<Option<String>>,
    /// `__qualname__` when it differs from `name` (saves a copy per type).
    pub qualname: RefCell<Option<String>>,
    pub bases: RefCell<Vec<PyRef>>,
    pub mro: RefCell<Vec<PyRef>>,
    /// The solid base (`__base__`).
    pub base: RefCell<Option<PyRef>>,
    pub layout: Layout,
    /// Defined by a class statement or `type()` (attributes settable, module
    /// shown in repr).
    pub heap: bool,
    /// Can be subclassed.
    pub basetype: bool,
    /// Instances get a `__dict__`.
    pub instance_dict: bool,
    /// Whether this class gives its instances a weak reference list
    /// (a heap class without `__slots__`, or with `'__weakref__'` in them).
    pub weakref_slot: bool,
    /// `__slots__` names of this class (not its bases).
    pub slots: Vec<String>,
    /// Slot storage size of instances (this class's slots and its bases').
    pub nslots: usize,
    /// Subclasses made in the same interpreter, or for a type of the
    /// shared runtime, those made while building it (an interpreter's own
    /// subclasses of a shared type are in `Vm::shared_subclasses`).
    pub subclasses: RefCell<Vec<Weak<PyObject>>>,
    /// Part of the runtime all interpreters on the thread share
    /// (`runtime.rs`): must never change.
    pub(crate) shared: Cell<bool>,
    /// Bumped when the class or a base changes (attribute caches).
    pub version: Cell<u64>,
    /// `__abstractmethods__` is non-empty.
    pub abstract_: Cell<bool>,
    /// Whether the class has `__del__` (0 unknown, 1 no, 2 yes) at a
    /// `version` (see `objects/finalize.rs`).
    pub del_cache: Cell<(u64, u8)>,
    /// Additions to the namespace not yet applied (built-in types; see
    /// `objects/type_lazy.rs`), and whether there are any.
    pub(crate) lazy: RefCell<crate::objects::type_lazy::LazyNamespace>,
    pub(crate) lazy_pending: Cell<bool>,
    /// The field names of a struct-sequence type (`objects/struct_seq.rs`).
    pub(crate) struct_seq: Option<Rc<crate::objects::struct_seq::StructSeqFields>>,
}

impl TypeData {
    pub fn new(name: &str, layout: Layout) -> TypeData {
        TypeData {
            name: RefCell::new(name.to_owned()),
            tp_name: RefCell::new(None),
            qualname: RefCell::new(None),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            base: RefCell::new(None),
            layout,
            heap: false,
            basetype: true,
            instance_dict: false,
            weakref_slot: false,
            slots: Vec::new(),
            nslots: 0,
            subclasses: RefCell::new(Vec::new()),
            shared: Cell::new(false),
            version: Cell::new(0),
            abstract_: Cell::new(false),
            del_cache: Cell::new((0, 0)),
            lazy: RefCell::default(),
            lazy_pending: Cell::new(false),
            struct_seq: None,
        }
    }

    #[inline]
    pub fn is_heap(&self) -> bool {
        self.heap
    }

    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }

    /// The name error messages show (`tp_name`; see the field).
    pub fn message_name(&self) -> String {
        match &*self.tp_name.borrow() {
            Some(full) => full.clone(),
            None => self.name(),
        }
    }
}

/// C3 linearization of `cls` over `bases` (each base's MRO already known).
pub fn c3_mro(cls: &PyRef, bases: &[PyRef]) -> Result<Vec<PyRef>, String> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
            return Err(format!("duplicate base class {}", type_name_of(b)));
        }
    }
    let mut seqs: Vec<Vec<PyRef>> = bases
        .iter()
        .map(|b| {
            b.as_type()
                .map(|t| t.mro.borrow().clone())
                .unwrap_or_default()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t.iter().skip(1).any(|x| Rc::ptr_eq(x, head)));
            if !in_tail {
                chosen = Some(head.clone());
                break;
            }
        }
        match chosen {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if Rc::ptr_eq(&s[0], &c) {
                        s.remove(0);
                    }
                }
                out.push(c);
            }
            None => {
                let mut names: Vec<String> = Vec::new();
                let mut seen: Vec<PyRef> = Vec::new();
                for s in &seqs {
                    if !seen.iter().any(|x| Rc::ptr_eq(x, &s[0])) {
                        seen.push(s[0].clone());
                        names.push(type_name_of(&s[0]));
                    }
                }
                return Err(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ));
            }
        }
    }
}

/// The name of a type object as error messages show it (`__name__`, or
/// `module.name` for types of native modules).
pub fn type_name_of(t: &PyRef) -> String {
    t.as_type()
        .map(|d| d.message_name())
        .unwrap_or_else(|| "?".into())
}

/// Whether `sub` is `base` or has it in its MRO.
pub fn is_subtype(sub: &PyRef, base: &PyRef) -> bool {
    if Rc::ptr_eq(sub, base) {
        return true;
    }
    match sub.as_type() {
        Some(t) => t.mro.borrow().iter().any(|c| Rc::ptr_eq(c, base)),
        None => false,
    }
}

/// Looks `name` up in the dicts along the MRO of type `cls`.
pub fn lookup(cls: &PyRef, name: &PyRef) -> Option<Value> {
    let t = cls.as_type()?;
    let mro = t.mro.borrow();
    if mro.is_empty() {
        return cls
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, name));
    }
    for c in mro.iter() {
        if let Some(d) = c.dict() {
            if let Some(v) = crate::objects::dict::get_str(d, name) {
                return Some(v);
            }
        }
    }
    None
}

impl Vm {
    /// Creates a built-in type (used at start-up and by native modules).
    pub fn new_builtin_type(&mut self, name: &str, base: Option<&PyRef>, layout: Layout) -> PyRef {
        self.new_builtin_type_ex(name, base, layout, false)
    }

    /// Like [`Vm::new_builtin_type`]; `instance_dict` gives instances a
    /// `__dict__`.
    pub fn new_builtin_type_ex(
        &mut self,
        name: &str,
        base: Option<&PyRef>,
        layout: Layout,
        instance_dict: bool,
    ) -> PyRef {
        let base = base.cloned().unwrap_or_else(|| self.types.object.clone());
        let mut data = TypeData::new(name, layout);
        data.instance_dict = instance_dict;
        let ty = self.alloc_type(data, self.types.type_.clone());
        set_mro(&ty, vec![base.clone()]);
        self.add_subclass(&base, &ty);
        ty
    }

    /// Records `sub` as a subclass of `base` (for `__subclasses__()` and
    /// cache invalidation). A shared type keeps an interpreter's subclasses
    /// out of its own list, where other interpreters would see them.
    pub(crate) fn add_subclass(&mut self, base: &PyRef, sub: &PyRef) {
        let Some(bt) = base.as_type() else { return };
        if bt.shared.get() {
            let key = Rc::as_ptr(base) as *const u8 as usize;
            self.shared_subclasses
                .entry(key)
                .or_default()
                .push(Rc::downgrade(sub));
        } else {
            bt.subclasses.borrow_mut().push(Rc::downgrade(sub));
        }
    }

    /// The live direct subclasses of `ty` this interpreter can see.
    pub fn subclasses_of(&self, ty: &PyRef) -> Vec<PyRef> {
        let Some(td) = ty.as_type() else {
            return Vec::new();
        };
        let mut out: Vec<PyRef> = td
            .subclasses
            .borrow()
            .iter()
            .filter_map(|w| w.upgrade())
            .collect();
        if td.shared.get() {
            let key = Rc::as_ptr(ty) as *const u8 as usize;
            if let Some(own) = self.shared_subclasses.get(&key) {
                out.extend(own.iter().filter_map(|w| w.upgrade()));
            }
        }
        out
    }

    /// Allocates a type object with a fresh namespace dict.
    pub(crate) fn alloc_type(&mut self, data: TypeData, meta: PyRef) -> PyRef {
        let dict = self.new_dict_ref();
        let ty = PyObject::new_raw(Some(meta), Payload::Type(Box::new(data)), Some(dict));
        // Built-in types too: a native module's type is held by Rust state
        // and forms a cycle with its dict (methods name their owner), which
        // teardown must clear for the interpreter's memory to be freed.
        self.gc_track(&ty);
        self.type_modified(&ty);
        ty
    }

    /// `type(obj).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        type_name_of(&self.class_of(v))
    }

    /// isinstance(v, cls) without `__instancecheck__` hooks.
    pub fn is_instance(&self, v: &Value, cls: &PyRef) -> bool {
        match v {
            Value::Obj(o) => match &*o.class_ref() {
                Some(c) => is_subtype(c, cls),
                None => is_subtype(&self.types.type_, cls),
            },
            _ => is_subtype(&self.class_of(v), cls),
        }
    }

    /// Creates a class: `type.__new__(meta, name, bases, namespace)` plus
    /// what a class statement does around it (`__set_name__`,
    /// `__init_subclass__`, `__classcell__`).
    pub fn make_class(
        &mut self,
        meta: &PyRef,
        name: &str,
        bases: Vec<PyRef>,
        ns: &PyRef,
        kwargs: &[(String, Value)],
    ) -> PyResult<PyRef> {
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        // Layout and solid base.
        let mut layout = Layout::Object;
        let mut solid: Option<PyRef> = None;
        let mut any_dict_base = false;
        for b in &bases {
            let Some(bt) = b.as_type() else {
                return Err(self.type_error("bases must be types"));
            };
            if !bt.basetype {
                return Err(self.type_error(format!(
                    "type '{}' is not an acceptable base type",
                    bt.message_name()
                )));
            }
            if bt.instance_dict {
                any_dict_base = true;
            }
            if bt.layout != Layout::Object {
                if layout != Layout::Object && layout != bt.layout {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = bt.layout;
            }
            let bsolid = solid_base(b);
            solid = match solid {
                None => Some(bsolid),
                Some(s) => {
                    if is_subtype(&bsolid, &s) {
                        Some(bsolid)
                    } else {
                        Some(s)
                    }
                }
            };
        }
        let mut data = TypeData::new(name, layout);
        data.heap = true;
        // __slots__
        let slots_v = crate::objects::dict::get_str(ns, &self.names.__slots__.clone());
        let mut slot_names = Vec::new();
        let mut has_dict_slot = false;
        let mut has_weakref_slot = false;
        if let Some(sv) = slots_v {
            let items = if let Some(s) = sv.as_str() {
                vec![Value::from(self.new_str(s))]
            } else {
                self.iterate(&sv)?
            };
            for it in items {
                let Some(s) = it.as_str() else {
                    return Err(self.type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        self.type_name(&it)
                    )));
                };
                if s == "__dict__" {
                    has_dict_slot = true;
                } else if s == "__weakref__" {
                    has_weakref_slot = true;
                } else {
                    slot_names.push(s.to_owned());
                }
            }
            data.instance_dict = any_dict_base || has_dict_slot;
            data.weakref_slot = has_weakref_slot;
        } else {
            data.instance_dict = true;
            // As CPython, variable-size bases (int, tuple, bytes) leave
            // no room for a weak reference list.
            data.weakref_slot = !matches!(
                solid.as_ref().and_then(|s| s.as_type().map(|t| t.layout)),
                Some(Layout::Int | Layout::Tuple | Layout::Bytes)
            );
        }
        let base_slots = bases
            .iter()
            .filter_map(|b| b.as_type().map(|t| t.nslots))
            .max()
            .unwrap_or(0);
        data.nslots = base_slots + slot_names.len();
        data.slots = slot_names.clone();
        let base_had_dict = any_dict_base;
        let ty = self.alloc_type(data, meta.clone());
        // Namespace copy.
        let tdict = ty
            .dict()
            .cloned()
            .ok_or_else(|| self.type_error("type without dict"))?;
        let entries = crate::objects::dict::entries(ns);
        let qualname_key = self.names.__qualname__.clone();
        let classcell_key = self.names.__classcell__.clone();
        let mut classcell = None;
        let mut qualname = name.to_owned();
        for (k, v) in entries.iter() {
            if let Some(ks) = k.as_str() {
                if ks == "__qualname__" {
                    match v.as_str() {
                        Some(q) => qualname = q.to_owned(),
                        None => {
                            return Err(self.type_error(format!(
                                "type __qualname__ must be a str, not {}",
                                self.type_name(v)
                            )))
                        }
                    }
                    continue;
                }
                if ks == "__classcell__" {
                    classcell = Some(v.clone());
                    continue;
                }
            }
            self.dict_set(&tdict, k.clone(), v.clone())?;
        }
        let _ = (qualname_key, classcell_key);
        if let Some(t) = ty.as_type() {
            *t.qualname.borrow_mut() = Some(qualname);
            *t.base.borrow_mut() = solid.clone();
        }
        let mro = {
            let r = c3_mro(&ty, &bases);
            match r {
                Ok(m) => m,
                Err(msg) => return Err(self.type_error(msg)),
            }
        };
        if let Some(t) = ty.as_type() {
            *t.bases.borrow_mut() = bases.clone();
            *t.mro.borrow_mut() = mro;
        }
        for b in &bases {
            self.add_subclass(b, &ty);
        }
        // Defaults a class statement provides.
        let module_key = self.names.__module__.clone();
        if crate::objects::dict::get_str(&tdict, &module_key).is_none() {
            if let Some(gname) = self.current_module_name() {
                self.dict_set(&tdict, Value::Obj(module_key), gname)?;
            }
        }
        let doc_key = self.names.__doc__.clone();
        if crate::objects::dict::get_str(&tdict, &doc_key).is_none() {
            self.dict_set(&tdict, Value::Obj(doc_key), Value::None)?;
        }
        // __new__ is a static method, __init_subclass__ and
        // __class_getitem__ are class methods, when given as functions.
        for (key, kind) in [
            (self.names.__new__.clone(), 0),
            (self.names.__init_subclass__.clone(), 1),
            (self.names.__class_getitem__.clone(), 1),
        ] {
            if let Some(f) = crate::objects::dict::get_str(&tdict, &key) {
                if matches!(f.payload(), Some(Payload::Function(_))) {
                    let wrapped = if kind == 0 {
                        self.alloc(
                            self.types.staticmethod.clone(),
                            Payload::StaticMethod(RefCell::new(f)),
                        )
                    } else {
                        self.alloc(
                            self.types.classmethod.clone(),
                            Payload::ClassMethod(RefCell::new(f)),
                        )
                    };
                    self.dict_set(&tdict, Value::Obj(key), Value::Obj(wrapped))?;
                }
            }
        }
        // Defining __eq__ without __hash__ makes instances unhashable.
        let eq_key = self.names.__eq__.clone();
        let hash_key = self.names.__hash__.clone();
        if crate::objects::dict::get_str(&tdict, &eq_key).is_some()
            && crate::objects::dict::get_str(&tdict, &hash_key).is_none()
        {
            self.dict_set(&tdict, Value::Obj(hash_key), Value::None)?;
        }
        // Slot descriptors, __dict__ / __weakref__ descriptors.
        for (i, s) in slot_names.iter().enumerate() {
            let d = crate::objects::descriptor::new_member(self, s, &ty, base_slots + i);
            let k = self.intern(s);
            self.dict_set(&tdict, Value::Obj(k), d)?;
        }
        if ty.as_type().map(|t| t.instance_dict).unwrap_or(false) && !base_had_dict {
            let d = crate::objects::descriptor::dict_descriptor(self, &ty);
            let k = self.names.__dict__.clone();
            self.dict_set(&tdict, Value::Obj(k), d)?;
            if ty.as_type().is_some_and(|t| t.weakref_slot) {
                let w = crate::objects::descriptor::weakref_descriptor(self, &ty);
                let k = self.names.__weakref__.clone();
                self.dict_set(&tdict, Value::Obj(k), w)?;
            }
        } else if has_weakref_slot {
            let w = crate::objects::descriptor::weakref_descriptor(self, &ty);
            let k = self.names.__weakref__.clone();
            self.dict_set(&tdict, Value::Obj(k), w)?;
        }
        // Abstract methods flag (consulted by object.__new__).
        self.update_abstract(&ty)?;
        if let Some(cell) = classcell {
            match cell.payload() {
                Some(Payload::Cell(c)) => *c.borrow_mut() = Some(Value::Obj(ty.clone())),
                _ => {
                    return Err(self.type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        self.type_name(&cell)
                    )))
                }
            }
        }
        self.type_modified(&ty);
        // __set_name__ on attributes.
        let set_name = self.names.__set_name__.clone();
        for (k, v) in crate::objects::dict::entries(&tdict) {
            let cls = self.class_of(&v);
            if let Some(f) = lookup(&cls, &set_name) {
                self.call(&f, &[v.clone(), Value::Obj(ty.clone()), k.clone()])?;
            }
        }
        // __init_subclass__ of the parent.
        let sup = self.new_super(&ty, Value::Obj(ty.clone()))?;
        let init_sub = self.get_attr(&sup, &self.names.__init_subclass__.clone())?;
        let kwnames: Vec<Value> = kwargs
            .iter()
            .map(|(k, _)| Value::Obj(self.intern(k)))
            .collect();
        let vals: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
        self.call_with(&init_sub, Args::with_kw(&vals, &kwnames))?;
        Ok(ty)
    }

    /// Recomputes the "has abstract methods" flag from `__abstractmethods__`.
    pub(crate) fn update_abstract(&mut self, ty: &PyRef) -> PyResult<()> {
        let key = self.names.__abstractmethods__.clone();
        let v = ty
            .dict()
            .and_then(|d| crate::objects::dict::get_str(d, &key));
        let flag = match v {
            Some(v) => self.is_true(&v)?,
            None => false,
        };
        if let Some(t) = ty.as_type() {
            t.abstract_.set(flag);
        }
        Ok(())
    }

    /// The metaclass for a class with `bases` given `meta` (explicit or
    /// `type`): the most derived of them, or TypeError "metaclass conflict".
    pub fn calculate_metaclass(&mut self, meta: &PyRef, bases: &[PyRef]) -> PyResult<PyRef> {
        let bases: Vec<Value> = bases.iter().map(|b| Value::Obj(b.clone())).collect();
        self.calculate_metaclass_of(meta, &bases)
    }

    /// [`Vm::calculate_metaclass`] over any base values (CPython computes
    /// the metaclass before checking that the bases are types).
    pub fn calculate_metaclass_of(&mut self, meta: &PyRef, bases: &[Value]) -> PyResult<PyRef> {
        let mut winner = meta.clone();
        for b in bases {
            let bm = self.class_of(b);
            if is_subtype(&winner, &bm) {
                continue;
            }
            if is_subtype(&bm, &winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }
}

/// The base whose layout instances of `t` share (`__base__` chain end).
fn solid_base(t: &PyRef) -> PyRef {
    let mut cur = t.clone();
    loop {
        let next = {
            let Some(td) = cur.as_type() else { return cur };
            if td.heap && td.slots.is_empty() {
                td.base.borrow().clone()
            } else {
                None
            }
        };
        match next {
            Some(n) => cur = n,
            None => return cur,
        }
    }
}

/// Sets bases and computes a (single-inheritance) MRO for a built-in type
/// while the runtime is bootstrapped (no interpreter yet), recording it as
/// its base's subclass.
pub fn set_bases(ty: &PyRef, bases: Vec<PyRef>) {
    if let Some(bt) = bases.first().and_then(|b| b.as_type()) {
        bt.subclasses.borrow_mut().push(Rc::downgrade(ty));
    }
    set_mro(ty, bases);
}

/// Sets bases and a (single-inheritance) MRO; see [`Vm::add_subclass`].
pub(crate) fn set_mro(ty: &PyRef, bases: Vec<PyRef>) {
    let Some(t) = ty.as_type() else { return };
    let mut mro = vec![ty.clone()];
    if let Some(bt) = bases.first().and_then(|b| b.as_type()) {
        mro.extend(bt.mro.borrow().iter().cloned());
    }
    *t.base.borrow_mut() = bases.first().cloned();
    *t.bases.borrow_mut() = bases;
    *t.mro.borrow_mut() = mro;
}
