//! `types.UnionType` (PEP 604): what `int | str` evaluates to. `X | Y`
//! works on types, `None`, generic aliases and unions; the arguments are
//! flattened and deduplicated (`int | int` is `int`), compare and hash
//! regardless of order, and `isinstance`/`issubclass` accept a union as
//! they accept a tuple (`builtins/functions.rs`). Also `type.__or__`.

use crate::native::Args;
use crate::object::Payload;
use crate::objects::generic_alias::{alias_parts, make_parameters, repr_item, subs_parameters};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};
use rpy_compiler::bytecode::{BinaryOperator as B, ComparisonOperator as C};

/// The data of one union.
pub(crate) struct UnionData {
    /// Always a tuple of at least two items.
    args: Value,
    /// `__parameters__`, computed on first use.
    params: Option<Value>,
}

/// The arguments of `v` if it is a union.
pub(crate) fn union_args(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    let o = v.as_obj()?;
    if !matches!(o.payload, Payload::NativeData(_)) || !o.class_is(&vm.types.union_type) {
        return None;
    }
    let d = o.native_data::<UnionData>()?;
    d.args.as_tuple().map(|t| t.to_vec())
}

fn is_unionable(vm: &Vm, v: &Value) -> bool {
    v.is_none()
        || matches!(v.payload(), Some(Payload::Type(_)))
        || alias_parts(vm, v).is_some()
        || union_args(vm, v).is_some()
}

/// Whether `a | b` is the union operation (one side is a type, an alias
/// or a union); the eval loop's built-in `|` asks before `type_or`.
pub(crate) fn is_union_operand(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Type(_) => true,
            Payload::NativeData(_) => alias_parts(vm, v).is_some() || union_args(vm, v).is_some(),
            _ => false,
        },
        _ => false,
    }
}

/// `a | b` as `type.__or__` computes it; `None` for NotImplemented.
pub(crate) fn type_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_unionable(vm, a) || !is_unionable(vm, b) {
        return Ok(None);
    }
    make_union(vm, &[a.clone(), b.clone()]).map(Some)
}

/// A union of `args` after flattening and deduplication; a single
/// remaining argument is returned as it is.
fn make_union(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut flat = Vec::new();
    for a in args {
        match union_args(vm, a) {
            Some(inner) => flat.extend(inner),
            None if a.is_none() => flat.push(Value::Obj(vm.types.none_type.clone())),
            None => flat.push(a.clone()),
        }
    }
    let mut out: Vec<Value> = Vec::new();
    for a in flat {
        let mut dup = false;
        for b in &out {
            dup = if alias_parts(vm, &a).is_some() && alias_parts(vm, b).is_some() {
                vm.eq(&a, b)?
            } else {
                a.is(b)
            };
            if dup {
                break;
            }
        }
        if !dup {
            out.push(a);
        }
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    let args = vm.new_tuple(out);
    let data = UnionData { args, params: None };
    let cls = vm.types.union_type.clone();
    Ok(Value::Obj(vm.alloc(
        cls,
        Payload::NativeData(std::cell::RefCell::new(Box::new(data))),
    )))
}

fn this_args(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match union_args(vm, v) {
        Some(a) => Ok(a),
        None => Err(vm.type_error(format!(
            "descriptor requires a 'types.UnionType' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "UnionType.__repr__")?;
    let items = this_args(vm, this)?;
    if !vm.repr_enter(this) {
        return Ok(vm.str_val("..."));
    }
    let mut s = String::new();
    let mut r = Ok(());
    for (i, p) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(" | ");
        }
        if p.is(&Value::Obj(vm.types.none_type.clone())) {
            s.push_str("None");
            continue;
        }
        match repr_item(vm, p) {
            Ok(x) => s.push_str(&x),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(this);
    r?;
    Ok(vm.str_val(s))
}

fn arg_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let t = vm.new_tuple(items);
    let table = vm.set_table_from(&t)?;
    Ok(vm.new_frozenset(table))
}

fn union_compare(vm: &mut Vm, args: Args, op: C) -> PyResult<Value> {
    let [this, other] = args.exact_method(vm, "UnionType.__eq__")?;
    let a = this_args(vm, this)?;
    let Some(b) = union_args(vm, other) else {
        return Ok(vm.not_implemented());
    };
    let sa = arg_set(vm, a)?;
    let sb = arg_set(vm, b)?;
    vm.compare(&sa, &sb, op)
}

fn union_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    union_compare(vm, args, C::Eq)
}

fn union_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    union_compare(vm, args, C::Ne)
}

fn union_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method(vm, "UnionType.__hash__")?;
    let a = this_args(vm, this)?;
    let s = arg_set(vm, a)?;
    Ok(Value::Int(vm.hash(&s)?))
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__or__")?;
    Ok(type_or(vm, a, b)?.unwrap_or_else(|| vm.not_implemented()))
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__ror__")?;
    Ok(type_or(vm, b, a)?.unwrap_or_else(|| vm.not_implemented()))
}

/// `type.__or__`: checks its receiver like a slot wrapper of `type`.
fn type_or_method(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let name = if reflected { "__ror__" } else { "__or__" };
    let pos = args.pos();
    if let Some(this) = pos.first() {
        if !matches!(this.payload(), Some(Payload::Type(_))) {
            return Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'type' object but received a '{}'",
                vm.type_name(this)
            )));
        }
    }
    let [a, b] = args.exact_method(vm, name)?;
    let r = if reflected {
        type_or(vm, b, a)?
    } else {
        type_or(vm, a, b)?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented()))
}

fn type_or_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    type_or_method(vm, args, false)
}

fn type_ror_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    type_or_method(vm, args, true)
}

fn union_params(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let a = this_args(vm, this)?;
    if let Some(p) = this
        .as_obj()
        .and_then(|o| o.native_data::<UnionData>().and_then(|d| d.params.clone()))
    {
        return Ok(p);
    }
    let ps = make_parameters(vm, &a)?;
    let p = vm.new_tuple(ps);
    if let Some(mut d) = this.as_obj().and_then(|o| o.native_data::<UnionData>()) {
        d.params = Some(p.clone());
    }
    Ok(p)
}

fn union_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, item] = args.exact_method(vm, "UnionType.__getitem__")?;
    let a = this_args(vm, this)?;
    let params = union_params(vm, this)?;
    let ps = params.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let newargs = subs_parameters(vm, this, &a, &ps, item)?;
    let mut it = newargs.into_iter();
    let Some(mut r) = it.next() else {
        return make_union(vm, &[]);
    };
    for x in it {
        r = vm.binary_op(&r, &x, B::Or)?;
    }
    Ok(r)
}

fn get_args(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let a = this_args(vm, this)?;
    Ok(vm.new_tuple(a))
}

fn get_parameters(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    union_params(vm, this)
}

/// Attribute lookup on a union: `__module__` is the type's (CPython's
/// `union_getattro`), the rest as for any object.
pub(crate) fn union_getattr(vm: &mut Vm, obj: &Value, name: &PyRef) -> PyResult<Option<Value>> {
    let cls = vm.class_of(obj);
    if name.as_str() == Some("__module__") {
        return vm.get_attr(&Value::Obj(cls), name).map(Some);
    }
    vm.generic_getattr(obj, &cls, name)
}

fn union_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'types.UnionType' instances"))
}

pub fn init(vm: &mut Vm) {
    let t = vm.types.union_type.clone();
    crate::define::set_tp_name(&t, "types", "UnionType");
    let m = vm.str_val("types");
    vm.set_class_const(&t, "__module__", m);
    vm.add_static(&t, "__new__", union_new);
    vm.add_methods(
        &t,
        &[
            ("__repr__", union_repr),
            ("__eq__", union_eq),
            ("__ne__", union_ne),
            ("__hash__", union_hash),
            ("__or__", union_or),
            ("__ror__", union_ror),
            ("__getitem__", union_getitem),
        ],
    );
    vm.add_getset(&t, "__args__", get_args, None);
    vm.add_getset(&t, "__parameters__", get_parameters, None);
    let ty = vm.types.type_.clone();
    vm.add_methods(&ty, &[("__or__", type_or_fn), ("__ror__", type_ror_fn)]);
}
