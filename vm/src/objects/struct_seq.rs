//! Struct sequences (`sys.version_info`, `os.stat_result`,
//! `time.struct_time`): built-in tuple types whose items are also named,
//! read-only fields, with CPython's repr `name(field=value, ...)` and
//! constructor (one sequence argument of the right length). Optional
//! `extra` fields (`struct_time.tm_zone`) are not tuple items: they are
//! instance attributes, None by default. A tuple item named `""` is
//! unnamed (`os.stat_result`'s integer times: reachable by index only).
//!
//! The type is a built-in one: its namespace (fields as member
//! descriptors, `__new__`, `__repr__`, `n_fields`, `__match_args__`) is
//! recorded and built at first use, like every built-in type's
//! (`type_lazy.rs`), so the struct sequences of `sys` cost an interpreter
//! almost nothing until they are read.

use std::rc::Rc;

use crate::native::Args;
use crate::object::Payload;
use crate::objects::type_::{set_mro, Layout, TypeData};
use crate::objects::type_lazy::{Name, Pending};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// The field names of a struct-sequence type.
pub struct StructSeqFields {
    /// The tuple's items, in order (`""`: unnamed).
    pub fields: Vec<Rc<str>>,
    /// Named fields beyond the tuple (instance attributes).
    pub extra: Vec<Rc<str>>,
    /// For each extra field, the item it copies when a constructor call
    /// does not give it (`os.stat_result(t).st_atime` is `t[7]`).
    pub extra_from: Vec<Option<usize>>,
}

impl Vm {
    /// A struct-sequence type (`sys.version_info`, `os.stat_result`, ...):
    /// a tuple type whose items are also named attributes, with CPython's
    /// repr `name(field=value, ...)`. Make instances with
    /// [`Vm::new_struct_seq`], or by calling the type with one iterable.
    pub fn new_struct_seq_type(
        &mut self,
        module: &str,
        name: &str,
        fields: &[&str],
    ) -> PyResult<PyRef> {
        self.new_struct_seq_type_ext(module, name, fields, &[])
    }

    /// A struct-sequence type with `extra` named fields that are not part
    /// of the tuple (like `struct_time.tm_zone`): they default to None and
    /// are set as instance attributes (`vm.set_attr`) after creation.
    pub fn new_struct_seq_type_ext(
        &mut self,
        module: &str,
        name: &str,
        fields: &[&str],
        extra: &[&str],
    ) -> PyResult<PyRef> {
        let names = StructSeqFields {
            fields: fields.iter().map(|&f| Rc::from(f)).collect(),
            extra: extra.iter().map(|&f| Rc::from(f)).collect(),
            extra_from: vec![None; extra.len()],
        };
        self.new_struct_seq_type_with(module, name, names)
    }

    /// A struct-sequence type from its complete description (extra fields
    /// that copy an item when not given, unnamed items).
    pub fn new_struct_seq_type_with(
        &mut self,
        module: &str,
        name: &str,
        names: StructSeqFields,
    ) -> PyResult<PyRef> {
        let names = Rc::new(names);
        let mut data = TypeData::new(name, Layout::Tuple);
        data.instance_dict = !names.extra.is_empty();
        // As CPython's: "type 'sys.version_info' is not an acceptable base type".
        data.basetype = false;
        data.struct_seq = Some(names.clone());
        let ty = self.alloc_type(data, self.types.type_.clone());
        let tuple = self.types.tuple.clone();
        set_mro(&ty, vec![tuple.clone()]);
        self.add_subclass(&tuple, &ty);
        crate::define::set_tp_name(&ty, module, name);
        let m = self.str_val(module);
        self.set_class_const(&ty, "__module__", m);
        self.add_static(&ty, "__new__", struct_seq_new);
        self.add_methods(&ty, &[("__repr__", struct_seq_repr)]);
        for (i, f) in names.fields.iter().enumerate() {
            if !f.is_empty() {
                self.defer_class_attr(&ty, Pending::Member(Name::Shared(f.clone()), i));
            }
        }
        for f in &names.extra {
            self.set_class_attr(&ty, f, Value::None);
        }
        let total = (names.fields.len() + names.extra.len()) as i64;
        self.set_class_const(&ty, "n_fields", Value::Int(total));
        let nseq = names.fields.len() as i64;
        self.set_class_const(&ty, "n_sequence_fields", Value::Int(nseq));
        let named: Vec<Rc<str>> = names
            .fields
            .iter()
            .filter(|f| !f.is_empty())
            .cloned()
            .collect();
        let unnamed = (names.fields.len() - named.len()) as i64;
        self.set_class_const(&ty, "n_unnamed_fields", Value::Int(unnamed));
        let match_args = Pending::StrTuple(Name::Static("__match_args__"), named);
        self.defer_class_attr(&ty, match_args);
        Ok(ty)
    }

    /// An instance of a struct-sequence type.
    pub fn new_struct_seq(&mut self, ty: &PyRef, items: Vec<Value>) -> PyResult<Value> {
        let direct = match ty.as_type() {
            Some(t) => {
                !t.instance_dict
                    && t.struct_seq
                        .as_ref()
                        .is_some_and(|s| s.fields.len() == items.len())
            }
            None => false,
        };
        if direct {
            // Only tuple fields: the instance is the tuple, made directly.
            return Ok(Value::Obj(self.alloc(ty.clone(), Payload::Tuple(items))));
        }
        let t = self.new_tuple(items);
        self.call(&Value::Obj(ty.clone()), &[t])
    }
}

/// The field names of struct-sequence class `cls` or of its nearest
/// struct-sequence base.
fn fields_of(cls: &PyRef) -> Option<Rc<StructSeqFields>> {
    let t = cls.as_type()?;
    let mro = t.mro.borrow();
    mro.iter()
        .find_map(|c| c.as_type().and_then(|ct| ct.struct_seq.clone()))
}

/// `__new__(cls, sequence, dict=None)`.
fn struct_seq_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.this().clone();
    let Some(names) = cls.as_obj().and_then(fields_of) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a struct sequence type"));
    };
    let [seq, _dict] = args
        .shift()
        .bind(vm, "structseq", ["sequence", "dict"], 1)?;
    let seq = seq.cloned().unwrap_or(Value::None);
    let items = match vm.get_iter(&seq) {
        Ok(_) => vm.iterate(&seq)?,
        Err(_) => return Err(vm.type_error("constructor requires a sequence")),
    };
    let (min, max) = (names.fields.len(), names.fields.len() + names.extra.len());
    let n = items.len();
    if n < min || n > max {
        let full = crate::objects::type_::type_name_of(cls.as_obj().unwrap_or(&vm.types.tuple));
        let msg = if min == max {
            format!("{full}() takes a {min}-sequence ({n}-sequence given)")
        } else if n < min {
            format!("{full}() takes an at least {min}-sequence ({n}-sequence given)")
        } else {
            format!("{full}() takes an at most {max}-sequence ({n}-sequence given)")
        };
        return Err(vm.type_error(msg));
    }
    let head = vm.new_tuple(items.get(..min).unwrap_or(&[]).to_vec());
    let tuple_new = {
        let t = Value::Obj(vm.types.tuple.clone());
        vm.get_attr_str(&t, "__new__")?
    };
    let obj = vm.call(&tuple_new, &[cls, head])?;
    for (i, (k, from)) in names.extra.iter().zip(&names.extra_from).enumerate() {
        let v = match items.get(min + i) {
            Some(v) => v.clone(),
            None => match from.and_then(|j| items.get(j)) {
                Some(v) => v.clone(),
                None => continue,
            },
        };
        let key = vm.intern(k);
        vm.set_attr(&obj, &key, v)?;
    }
    Ok(obj)
}

/// `repr()`: `module.name(field=value, ...)` over the tuple's fields.
fn struct_seq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "__repr__")?;
    let cls = vm.class_of(this);
    let Some(names) = fields_of(&cls) else {
        return Err(vm.type_error("descriptor '__repr__' requires a struct sequence"));
    };
    let items = this.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    // As CPython's: the i-th item is shown with the i-th *named* field,
    // extras included (`os.stat_result`'s integer times show as
    // `st_atime=...`).
    let shown = names
        .fields
        .iter()
        .chain(&names.extra)
        .filter(|f| !f.is_empty());
    let mut parts = Vec::with_capacity(items.len());
    for (n, v) in shown.zip(items.iter()) {
        parts.push(format!("{n}={}", vm.repr(v)?));
    }
    let full = crate::objects::type_::type_name_of(&cls);
    Ok(vm.str_val(format!("{full}({})", parts.join(", "))))
}
