//! `types.GenericAlias` (PEP 585): what `list[int]`, `dict[str, T]`,
//! `tuple[int, ...]` and `type[int]` evaluate to. It keeps the origin and
//! the arguments, collects the type parameters among the arguments
//! (anything with `__typing_subst__`, as CPython 3.11), substitutes them
//! (`dict[str, T][int]`), forwards other attributes to the origin, creates
//! instances of the origin when called, and stands for the origin as a
//! base class (`__mro_entries__`). Also the `__class_getitem__` of the
//! built-in generic types and the parameter logic the union type shares.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::type_::is_subtype;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use rpy_compiler::bytecode::ComparisonOperator as C;

/// The data of one alias.
pub(crate) struct AliasData {
    origin: Value,
    /// Always a tuple.
    args: Value,
    /// `__parameters__`, computed on first use.
    params: Option<Value>,
    /// `*tuple[int]`: `__unpacked__`.
    starred: bool,
}

/// Origin, args and starred flag of `v` if it is a generic alias.
pub(crate) fn alias_parts(vm: &Vm, v: &Value) -> Option<(Value, Value, bool)> {
    let o = v.as_obj()?;
    if !matches!(o.payload, Payload::NativeData(_)) || !is_alias_class(vm, &vm.obj_class(o)) {
        return None;
    }
    let d = o.native_data::<AliasData>()?;
    Some((d.origin.clone(), d.args.clone(), d.starred))
}

/// Whether `cls` is `types.GenericAlias` or a subclass.
pub(crate) fn is_alias_class(vm: &Vm, cls: &PyRef) -> bool {
    is_subtype(cls, &vm.types.generic_alias)
}

/// `types.GenericAlias(origin, args)` (a non-tuple `args` is wrapped).
pub fn new_alias(vm: &mut Vm, origin: Value, args: Value, starred: bool) -> Value {
    let cls = vm.types.generic_alias.clone();
    new_alias_of(vm, cls, origin, args, starred)
}

fn new_alias_of(vm: &mut Vm, cls: PyRef, origin: Value, args: Value, starred: bool) -> Value {
    let args = if args.as_tuple().is_some() && is_exact_tuple(vm, &args) {
        args
    } else if let Some(t) = args.as_tuple() {
        let items = t.to_vec();
        vm.new_tuple(items)
    } else {
        vm.new_tuple(vec![args])
    };
    let data = AliasData {
        origin,
        args,
        params: None,
        starred,
    };
    Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(data))),
    ))
}

fn is_exact_tuple(vm: &Vm, v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.class_is(&vm.types.tuple))
}

fn this_parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value, bool)> {
    match alias_parts(vm, v) {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "descriptor requires a 'types.GenericAlias' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `getattr(v, name)` with AttributeError meaning absent.
fn attr_opt(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    vm.get_attr_opt(v, &n)
}

fn is_type(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Type(_)))
}

fn push_unique(out: &mut Vec<Value>, v: &Value) {
    if !out.iter().any(|x| x.is(v)) {
        out.push(v.clone());
    }
}

/// The type parameters among `args`: arguments with `__typing_subst__`,
/// and the `__parameters__` of the others, each once, in order.
pub(crate) fn make_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for a in args {
        if is_type(a) {
            continue;
        }
        if attr_opt(vm, a, "__typing_subst__")?.is_some() {
            push_unique(&mut out, a);
        } else if let Some(sub) = attr_opt(vm, a, "__parameters__")? {
            if let Some(t) = sub.as_tuple() {
                for p in t {
                    push_unique(&mut out, p);
                }
            }
        }
    }
    Ok(out)
}

/// The arguments `*tuple[...]` in `item` stands for, if it is one (and not
/// of unknown length).
fn unpacked_tuple_args(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<Value>>> {
    if let Some((origin, args, starred)) = alias_parts(vm, v) {
        if starred && origin.is(&Value::Obj(vm.types.tuple.clone())) {
            return Ok(args.as_tuple().map(|t| t.to_vec()));
        }
    }
    match attr_opt(vm, v, "__typing_unpacked_tuple_args__")? {
        Some(r) => Ok(r.as_tuple().map(|t| t.to_vec())),
        None => Ok(None),
    }
}

/// The subscript's items, with unpacked tuples spliced in.
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = match item.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![item.clone()],
    };
    let mut out = Vec::new();
    for it in items {
        if !is_type(&it) {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                let open = sub
                    .last()
                    .is_some_and(|l| l.is(&Value::Obj(vm.ellipsis.clone())));
                if !open {
                    out.extend(sub);
                    continue;
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

fn is_unpacked_typevartuple(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if is_type(v) {
        return Ok(false);
    }
    match attr_opt(vm, v, "__typing_is_unpacked_typevartuple__")? {
        Some(r) => vm.is_true(&r),
        None => Ok(false),
    }
}

fn index_of(params: &[Value], v: &Value) -> Option<usize> {
    params.iter().position(|p| p.is(v))
}

/// Substitutes the parameters inside a non-parameter argument
/// (`list[T]` in `dict[str, list[T]]`) by subscripting it.
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], items: &[Value]) -> PyResult<Value> {
    let Some(sub) = attr_opt(vm, obj, "__parameters__")? else {
        return Ok(obj.clone());
    };
    let Some(sub) = sub.as_tuple().map(|t| t.to_vec()) else {
        return Ok(obj.clone());
    };
    if sub.is_empty() {
        return Ok(obj.clone());
    }
    let mut subargs = Vec::new();
    for a in &sub {
        if let Some(i) = index_of(params, a) {
            let arg = items.get(i).cloned().unwrap_or(Value::None);
            let iter = vm.names.__iter__.clone();
            let param_iterable =
                crate::objects::type_::lookup(&vm.class_of(&params[i]), &iter).is_some();
            if param_iterable {
                if let Some(t) = arg.as_tuple() {
                    subargs.extend(t.iter().cloned());
                    continue;
                }
            }
            subargs.push(arg);
        } else {
            subargs.push(a.clone());
        }
    }
    let key = vm.new_tuple(subargs);
    vm.get_item(obj, &key)
}

/// `alias[item]`: the arguments with each parameter replaced by its
/// value (CPython's `_Py_subs_parameters`).
pub(crate) fn subs_parameters(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    params: &[Value],
    item: &Value,
) -> PyResult<Vec<Value>> {
    if params.is_empty() {
        let r = vm.repr(this)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let unpacked = unpack_args(vm, item)?;
    let mut item_v = vm.new_tuple(unpacked);
    for p in params {
        if let Some(prep) = attr_opt(vm, p, "__typing_prepare_subst__")? {
            if !prep.is_none() {
                item_v = vm.call(&prep, &[this.clone(), item_v.clone()])?;
            }
        }
    }
    let items: Vec<Value> = match item_v.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![item_v.clone()],
    };
    if items.len() != params.len() {
        let r = vm.repr(this)?;
        return Err(vm.type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {}",
            if items.len() > params.len() {
                "many"
            } else {
                "few"
            },
            items.len(),
            params.len()
        )));
    }
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        if is_type(a) {
            out.push(a.clone());
            continue;
        }
        let unpack = is_unpacked_typevartuple(vm, a)?;
        let v = match attr_opt(vm, a, "__typing_subst__")? {
            Some(subst) => {
                let i = index_of(params, a).unwrap_or(0);
                let arg = items.get(i).cloned().unwrap_or(Value::None);
                vm.call(&subst, &[arg])?
            }
            None => subs_tvars(vm, a, params, &items)?,
        };
        if unpack {
            match v.as_tuple() {
                Some(t) => out.extend(t.iter().cloned()),
                None => out.push(v),
            }
        } else {
            out.push(v);
        }
    }
    Ok(out)
}

/// The parameters of an alias (or union), computed once.
fn alias_params(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let (_, args, _) = this_parts(vm, this)?;
    if let Some(p) = this
        .as_obj()
        .and_then(|o| o.native_data::<AliasData>().and_then(|d| d.params.clone()))
    {
        return Ok(p);
    }
    let a = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let ps = make_parameters(vm, &a)?;
    let p = vm.new_tuple(ps);
    if let Some(mut d) = this.as_obj().and_then(|o| o.native_data::<AliasData>()) {
        d.params = Some(p.clone());
    }
    Ok(p)
}

/// How an alias shows a type in its repr: `int`, `mod.C`, `list[int]`,
/// `...`, or the object's repr.
pub(crate) fn repr_item(vm: &mut Vm, p: &Value) -> PyResult<String> {
    if p.is(&Value::Obj(vm.ellipsis.clone())) {
        return Ok("...".into());
    }
    if attr_opt(vm, p, "__origin__")?.is_some() && attr_opt(vm, p, "__args__")?.is_some() {
        return vm.repr(p);
    }
    let Some(qualname) = attr_opt(vm, p, "__qualname__")? else {
        return vm.repr(p);
    };
    let module = attr_opt(vm, p, "__module__")?;
    match module {
        None => vm.repr(p),
        Some(m) if m.is_none() => vm.repr(p),
        Some(m) => {
            if m.as_str() == Some("builtins") {
                vm.str(&qualname)
            } else {
                let ms = vm.str(&m)?;
                let qs = vm.str(&qualname)?;
                Ok(format!("{ms}.{qs}"))
            }
        }
    }
}

fn ga_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "GenericAlias.__repr__")?;
    let (origin, a, starred) = this_parts(vm, this)?;
    if !vm.repr_enter(this) {
        return Ok(vm.str_val("..."));
    }
    let r = alias_repr(vm, &origin, &a, starred);
    vm.repr_leave(this);
    let s = r?;
    Ok(vm.str_val(s))
}

fn alias_repr(vm: &mut Vm, origin: &Value, a: &Value, starred: bool) -> PyResult<String> {
    let mut s = String::new();
    if starred {
        s.push('*');
    }
    s.push_str(&repr_item(vm, origin)?);
    s.push('[');
    let items = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    for (i, p) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_item(vm, p)?);
    }
    if items.is_empty() {
        s.push_str("()");
    }
    s.push(']');
    Ok(s)
}

fn ga_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if args.has_kw() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if pos.len() != 3 {
        return Err(vm.type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            pos.len() - 1
        )));
    }
    let cls = cls.clone();
    Ok(new_alias_of(vm, cls, pos[1].clone(), pos[2].clone(), false))
}

fn ga_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let (origin, _, _) = this_parts(vm, &this)?;
    let obj = vm.call_with(&origin, args.shift())?;
    let k = vm.intern("__orig_class__");
    if let Err(e) = vm.set_attr(&obj, &k, this) {
        let ae = vm.exc.attribute_error.clone();
        let te = vm.exc.type_error.clone();
        if !vm.err_matches(&e, &ae) && !vm.err_matches(&e, &te) {
            return Err(e);
        }
    }
    Ok(obj)
}

fn ga_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, item] = args.exact_method(vm, "GenericAlias.__getitem__")?;
    let (origin, a, starred) = this_parts(vm, this)?;
    let params = alias_params(vm, this)?;
    let ps = params.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let a = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let newargs = subs_parameters(vm, this, &a, &ps, item)?;
    let t = vm.new_tuple(newargs);
    Ok(new_alias(vm, origin, t, starred))
}

fn ga_eq(vm: &mut Vm, this: &Value, other: &Value) -> PyResult<Option<bool>> {
    let (o1, a1, s1) = this_parts(vm, this)?;
    let Some((o2, a2, s2)) = alias_parts(vm, other) else {
        return Ok(None);
    };
    if s1 != s2 {
        return Ok(Some(false));
    }
    if !vm.eq(&o1, &o2)? {
        return Ok(Some(false));
    }
    let r = vm.compare(&a1, &a2, C::Eq)?;
    vm.is_true(&r).map(Some)
}

fn ga_richeq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "GenericAlias.__eq__")?;
    Ok(match ga_eq(vm, this, other)? {
        Some(b) => Value::Bool(b),
        None => vm.not_implemented(),
    })
}

fn ga_richne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "GenericAlias.__ne__")?;
    Ok(match ga_eq(vm, this, other)? {
        Some(b) => Value::Bool(!b),
        None => vm.not_implemented(),
    })
}

fn ga_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "GenericAlias.__hash__")?;
    let (origin, a, _) = this_parts(vm, this)?;
    let h0 = vm.hash(&origin)?;
    let h1 = vm.hash(&a)?;
    let h = h0 ^ h1;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn ga_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _bases] = args.exact_method(vm, "GenericAlias.__mro_entries__")?;
    let (origin, _, _) = this_parts(vm, this)?;
    Ok(vm.new_tuple(vec![origin]))
}

fn ga_instancecheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "GenericAlias.__reduce__")?;
    let (origin, a, starred) = this_parts(vm, this)?;
    if starred {
        let plain = new_alias(vm, origin, a, false);
        let it = vm.get_iter(&plain)?;
        let next = vm.get_attr_str(&Value::Obj(vm.builtins.clone()), "next")?;
        let inner = vm.new_tuple(vec![it]);
        return Ok(vm.new_tuple(vec![next, inner]));
    }
    let cls = Value::Obj(vm.class_of(this));
    let inner = vm.new_tuple(vec![origin, a]);
    Ok(vm.new_tuple(vec![cls, inner]))
}

fn ga_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "GenericAlias.__iter__")?;
    let (origin, a, _) = this_parts(vm, this)?;
    let starred = new_alias(vm, origin, a, true);
    let t = vm.new_tuple(vec![starred]);
    vm.get_iter(&t)
}

fn ga_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "GenericAlias.__dir__")?;
    let (origin, _, _) = this_parts(vm, this)?;
    let dir = vm.get_attr_str(&Value::Obj(vm.builtins.clone()), "dir")?;
    let d = vm.call(&dir, &[origin])?;
    let mut names = vm.iterate(&d)?;
    for n in ATTR_EXCEPTIONS {
        let present = names.iter().any(|x| x.as_str() == Some(n));
        if !present {
            names.push(vm.str_val(*n));
        }
    }
    Ok(vm.new_list(names))
}

fn get_origin(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this_parts(vm, this)?.0)
}

fn get_args(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this_parts(vm, this)?.1)
}

fn get_parameters(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    alias_params(vm, this)
}

fn get_unpacked(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(Value::Bool(this_parts(vm, this)?.2))
}

fn get_unpacked_tuple_args(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let (origin, a, starred) = this_parts(vm, this)?;
    if starred && origin.is(&Value::Obj(vm.types.tuple.clone())) {
        return Ok(a);
    }
    Ok(Value::None)
}

/// The attributes an alias answers itself; all others come from its origin.
const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// Attribute lookup on an alias (`ga_getattro`): the names above as for
/// any object, everything else from the origin.
pub(crate) fn alias_getattr(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let n = name.as_str().unwrap_or("");
    if ATTR_EXCEPTIONS.contains(&n) {
        let cls = vm.class_of(obj);
        return vm.generic_getattr(obj, &cls, name);
    }
    let (origin, _, _) = this_parts(vm, obj)?;
    vm.get_attr(&origin, name).map(Some)
}

/// `__class_getitem__` of the built-in generic classes.
pub(crate) fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, item] = args.exact(vm, "__class_getitem__")?;
    Ok(new_alias(vm, cls.clone(), item.clone(), false))
}

fn ga_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__or__")?;
    Ok(crate::objects::union::type_or(vm, a, b)?.unwrap_or_else(|| vm.not_implemented()))
}

fn ga_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__ror__")?;
    Ok(crate::objects::union::type_or(vm, b, a)?.unwrap_or_else(|| vm.not_implemented()))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.generic_alias.clone();
    crate::define::set_tp_name(&t, "types", "GenericAlias");
    let m = vm.str_val("types");
    vm.set_class_const(&t, "__module__", m);
    vm.add_static(&t, "__new__", ga_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", ga_repr),
            ("__call__", ga_call),
            ("__getitem__", ga_getitem),
            ("__eq__", ga_richeq),
            ("__ne__", ga_richne),
            ("__hash__", ga_hash),
            ("__mro_entries__", ga_mro_entries),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
            ("__reduce__", ga_reduce),
            ("__iter__", ga_iter),
            ("__dir__", ga_dir),
            ("__or__", ga_or),
            ("__ror__", ga_ror),
        ],
    );
    vm.add_getset(&t, "__origin__", get_origin, None);
    vm.add_getset(&t, "__args__", get_args, None);
    vm.add_getset(&t, "__parameters__", get_parameters, None);
    vm.add_getset(&t, "__unpacked__", get_unpacked, None);
    vm.add_getset(
        &t,
        "__typing_unpacked_tuple_args__",
        get_unpacked_tuple_args,
        None,
    );
    let generic = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.enumerate.clone(),
        vm.types.mappingproxy.clone(),
        vm.types.weakref.clone(),
        vm.exc.base_exception_group.clone(),
    ];
    for g in &generic {
        vm.add_classmethod(g, "__class_getitem__", class_getitem);
    }
}
