//! The `_operator` module: the functions of CPython's `operator.__all__`
//! (`operator.py` imports them over its pure-Python ones) and
//! `_compare_digest`, each on the VM's own protocols (`binary_op`,
//! `compare`, `get_item`, ...), with the argument messages of CPython's
//! C functions.

use rpy_vm::{Args, BinaryOperator as B, ComparisonOperator as C, UnaryOperator as U};
use rpy_vm::{NativeFn, Payload, PyErr, PyRef, PyResult, Value, Vm};

use crate::arguments::{exact, no_keywords, one};
use crate::attr_getter::AttrGetter;
use crate::item_getter::ItemGetter;
use crate::method_caller::MethodCaller;

const MODULE: &str = "_operator";

const DOC: &str = "Operator interface.\n\n\
This module exports a set of functions implemented in C corresponding\n\
to the intrinsic operators of Python.  For example, operator.add(x, y)\n\
is equivalent to the expression x+y.  The function names are those\n\
used for special methods; variants without leading and trailing\n\
'__' are also provided for convenience.";

pub fn init(vm: &mut Vm) -> PyResult<PyRef> {
    let m = vm.new_module(MODULE);
    let doc = vm.str_val(DOC);
    vm.module_set(&m, "__doc__", doc);
    vm.module_add_fns(&m, FUNCTIONS);
    for (name, t) in [
        ("itemgetter", vm.native_type::<ItemGetter>()),
        ("attrgetter", vm.native_type::<AttrGetter>()),
        ("methodcaller", vm.native_type::<MethodCaller>()),
    ] {
        vm.module_set(&m, name, Value::Obj(t));
    }
    Ok(m)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("abs", abs),
    ("add", add),
    ("and_", and_),
    ("call", call),
    ("concat", concat),
    ("contains", contains),
    ("countOf", count_of),
    ("delitem", delitem),
    ("eq", eq),
    ("floordiv", floordiv),
    ("ge", ge),
    ("getitem", getitem),
    ("gt", gt),
    ("iadd", iadd),
    ("iand", iand),
    ("iconcat", iconcat),
    ("ifloordiv", ifloordiv),
    ("ilshift", ilshift),
    ("imatmul", imatmul),
    ("imod", imod),
    ("imul", imul),
    ("index", index),
    ("indexOf", index_of),
    ("inv", inv),
    ("invert", invert),
    ("ior", ior),
    ("ipow", ipow),
    ("irshift", irshift),
    ("is_", is_),
    ("is_not", is_not),
    ("isub", isub),
    ("itruediv", itruediv),
    ("ixor", ixor),
    ("le", le),
    ("length_hint", length_hint),
    ("lshift", lshift),
    ("lt", lt),
    ("matmul", matmul),
    ("mod", mod_),
    ("mul", mul),
    ("ne", ne),
    ("neg", neg),
    ("not_", not_),
    ("or_", or_),
    ("pos", pos),
    ("pow", pow),
    ("rshift", rshift),
    ("setitem", setitem),
    ("sub", sub),
    ("truediv", truediv),
    ("truth", truth),
    ("xor", xor),
    ("_compare_digest", compare_digest),
];

/// Two-argument functions over a VM operation.
macro_rules! binary {
    ($($f:ident $name:literal => |$vm:ident, $a:ident, $b:ident| $body:expr;)*) => {$(
        fn $f($vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let [$a, $b] = exact::<2>($vm, &args, MODULE, $name)?;
            $body
        }
    )*};
}

binary! {
    add "add" => |vm, a, b| vm.binary_op(a, b, B::Add);
    sub "sub" => |vm, a, b| vm.binary_op(a, b, B::Subtract);
    mul "mul" => |vm, a, b| vm.binary_op(a, b, B::Multiply);
    matmul "matmul" => |vm, a, b| vm.binary_op(a, b, B::MatMultiply);
    truediv "truediv" => |vm, a, b| vm.binary_op(a, b, B::TrueDivide);
    floordiv "floordiv" => |vm, a, b| vm.binary_op(a, b, B::FloorDivide);
    mod_ "mod" => |vm, a, b| vm.binary_op(a, b, B::Modulo);
    pow "pow" => |vm, a, b| vm.binary_op(a, b, B::Power);
    lshift "lshift" => |vm, a, b| vm.binary_op(a, b, B::LShift);
    rshift "rshift" => |vm, a, b| vm.binary_op(a, b, B::RShift);
    and_ "and_" => |vm, a, b| vm.binary_op(a, b, B::And);
    xor "xor" => |vm, a, b| vm.binary_op(a, b, B::Xor);
    or_ "or_" => |vm, a, b| vm.binary_op(a, b, B::Or);
    iadd "iadd" => |vm, a, b| vm.inplace_op(a, b, B::Add);
    isub "isub" => |vm, a, b| vm.inplace_op(a, b, B::Subtract);
    imul "imul" => |vm, a, b| vm.inplace_op(a, b, B::Multiply);
    imatmul "imatmul" => |vm, a, b| vm.inplace_op(a, b, B::MatMultiply);
    itruediv "itruediv" => |vm, a, b| vm.inplace_op(a, b, B::TrueDivide);
    ifloordiv "ifloordiv" => |vm, a, b| vm.inplace_op(a, b, B::FloorDivide);
    imod "imod" => |vm, a, b| vm.inplace_op(a, b, B::Modulo);
    ipow "ipow" => |vm, a, b| vm.inplace_op(a, b, B::Power);
    ilshift "ilshift" => |vm, a, b| vm.inplace_op(a, b, B::LShift);
    irshift "irshift" => |vm, a, b| vm.inplace_op(a, b, B::RShift);
    iand "iand" => |vm, a, b| vm.inplace_op(a, b, B::And);
    ixor "ixor" => |vm, a, b| vm.inplace_op(a, b, B::Xor);
    ior "ior" => |vm, a, b| vm.inplace_op(a, b, B::Or);
    lt "lt" => |vm, a, b| vm.compare(a, b, C::Lt);
    le "le" => |vm, a, b| vm.compare(a, b, C::Le);
    eq "eq" => |vm, a, b| vm.compare(a, b, C::Eq);
    ne "ne" => |vm, a, b| vm.compare(a, b, C::Ne);
    gt "gt" => |vm, a, b| vm.compare(a, b, C::Gt);
    ge "ge" => |vm, a, b| vm.compare(a, b, C::Ge);
    is_ "is_" => |_vm, a, b| Ok(Value::Bool(a.is(b)));
    is_not "is_not" => |_vm, a, b| Ok(Value::Bool(!a.is(b)));
    getitem "getitem" => |vm, a, b| vm.get_item(a, b);
    delitem "delitem" => |vm, a, b| vm.del_item(a, b).map(|_| Value::None);
    contains "contains" => |vm, a, b| vm.contains(a, b).map(Value::Bool);
    concat "concat" => |vm, a, b| concat_impl(vm, a, b, false);
    iconcat "iconcat" => |vm, a, b| concat_impl(vm, a, b, true);
    count_of "countOf" => |vm, a, b| search(vm, a, b, false);
    index_of "indexOf" => |vm, a, b| search(vm, a, b, true);
    compare_digest "_compare_digest" => |vm, a, b| compare_digest_impl(vm, a, b);
}

/// One-argument functions over a VM operation.
macro_rules! unary {
    ($($f:ident $name:literal => |$vm:ident, $a:ident| $body:expr;)*) => {$(
        fn $f($vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let $a = one($vm, &args, concat!("_operator.", $name))?;
            $body
        }
    )*};
}

unary! {
    neg "neg" => |vm, a| vm.unary_op(a, U::Negative);
    pos "pos" => |vm, a| vm.unary_op(a, U::Positive);
    inv "inv" => |vm, a| vm.unary_op(a, U::Invert);
    invert "invert" => |vm, a| vm.unary_op(a, U::Invert);
    not_ "not_" => |vm, a| Ok(Value::Bool(!vm.is_true(a)?));
    truth "truth" => |vm, a| Ok(Value::Bool(vm.is_true(a)?));
    abs "abs" => |vm, a| abs_impl(vm, a);
    index "index" => |vm, a| index_impl(vm, a);
}

fn setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b, c] = exact::<3>(vm, &args, MODULE, "setitem")?;
    vm.set_item(a, b.clone(), c.clone())?;
    Ok(Value::None)
}

/// `call(obj, /, *args, **kwargs)`.
fn call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(f) = args.pos().first() else {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    };
    vm.call_with(f, args.shift())
}

fn abs_impl(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    match a {
        Value::Int(i) => {
            if let Some(r) = i.checked_abs() {
                return Ok(Value::Int(r));
            }
        }
        Value::Float(f) => return Ok(Value::Float(f.abs())),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ => {}
    }
    let k = vm.intern("__abs__");
    match vm.call_special(a, &k, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(a)))),
    }
}

/// `operator.index(a)`: an exact int as it is, else an exact int from
/// an int subclass or `a.__index__()`.
fn index_impl(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    let exact = match a {
        Value::Int(_) => true,
        Value::Obj(o) => o.class_is(&vm.types.int),
        _ => false,
    };
    if exact {
        return Ok(a.clone());
    }
    let i = vm.to_index(a)?;
    Ok(vm.new_int(i))
}

/// Whether `v` is a sequence as `PySequence_Check` says: it has
/// `__getitem__` and is not a dict.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v.payload(), Some(Payload::Dict(_))) {
        return false;
    }
    let k = vm.intern("__getitem__");
    vm.lookup_special(v, &k).is_some()
}

/// Whether `a + b` (or `a += b`) has a method to try: CPython's
/// fallback for sequences without a concatenation slot.
fn adds(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> bool {
    let mut names = vec![("__add__", a), ("__radd__", b)];
    if inplace {
        names.push(("__iadd__", a));
    }
    names.into_iter().any(|(n, v)| {
        let k = vm.intern(n);
        vm.lookup_special(v, &k).is_some()
    })
}

/// `concat`/`iconcat`: the built-in sequences concatenate (with their own
/// messages); other operands must both be sequences.
fn concat_impl(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let builtin_seq = matches!(
        a.payload(),
        Some(
            Payload::Str(_)
                | Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
        )
    );
    if builtin_seq || (is_sequence(vm, a) && is_sequence(vm, b) && adds(vm, a, b, inplace)) {
        return if inplace {
            vm.inplace_op(a, b, B::Add)
        } else {
            vm.binary_op(a, b, B::Add)
        };
    }
    Err(vm.type_error(format!(
        "'{}' object can't be concatenated",
        vm.type_name(a)
    )))
}

/// `countOf(a, b)` (how many items of `a` are or equal `b`) and
/// `indexOf(a, b)` (the index of the first).
fn search(vm: &mut Vm, seq: &Value, x: &Value, first: bool) -> PyResult<Value> {
    let it = match vm.get_iter(seq) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.exc.type_error.clone()) => {
            return Err(vm.type_error(format!(
                "argument of type '{}' is not iterable",
                vm.type_name(seq)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut n: i64 = 0;
    let mut i: i64 = 0;
    while let Some(item) = vm.next(&it)? {
        if item.is(x) || vm.eq(&item, x)? {
            if first {
                return Ok(Value::Int(i));
            }
            n += 1;
        }
        i += 1;
    }
    if first {
        return Err(vm.value_error("sequence.index(x): x not in sequence"));
    }
    Ok(Value::Int(n))
}

/// `length_hint(obj, default=0)`: `len(obj)`, else
/// `obj.__length_hint__()`, else `default`.
fn length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_keywords(vm, &args, MODULE, "length_hint")?;
    let [obj, default] = args.range::<2>(vm, "length_hint", 1, false)?;
    let Some(obj) = obj else {
        return Err(vm.system_error("length_hint: argument not bound"));
    };
    let default = match default {
        Some(d) => rpy_vm::index_arg(vm, d)?,
        None => 0,
    };
    let type_error = vm.exc.type_error.clone();
    let has_len = {
        let k = vm.intern("__len__");
        vm.lookup_special(obj, &k).is_some()
    };
    if has_len {
        match vm.len(obj) {
            Ok(n) => return Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX))),
            Err(e) if vm.err_matches(&e, &type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let k = vm.intern("__length_hint__");
    let Some(hint) = vm.lookup_special(obj, &k) else {
        return Ok(Value::Int(default as i64));
    };
    let r = match vm.call(&hint, std::slice::from_ref(obj)) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, &type_error) => return Ok(Value::Int(default as i64)),
        Err(e) => return Err(e),
    };
    if vm.is_not_implemented(&r) {
        return Ok(Value::Int(default as i64));
    }
    let int_class = vm.types.int.clone();
    if !vm.is_instance(&r, &int_class) {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    }
    let n = match vm.to_i64(&r) {
        Ok(n) => n,
        Err(e) if vm.err_matches(&e, &vm.exc.overflow_error.clone()) => {
            return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
        }
        Err(e) => return Err(e),
    };
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::Int(n))
}

/// `_compare_digest(a, b)`: equality of two ASCII strs or two bytes-like
/// objects, in time that depends only on the lengths.
fn compare_digest_impl(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let str_class = vm.types.str.clone();
    if vm.is_instance(a, &str_class) && vm.is_instance(b, &str_class) {
        let (x, y) = (a.as_str().unwrap_or(""), b.as_str().unwrap_or(""));
        if !x.is_ascii() || !y.is_ascii() {
            return Err(
                vm.type_error("comparing strings with non-ASCII characters is not supported")
            );
        }
        return Ok(Value::Bool(same_bytes(x.as_bytes(), y.as_bytes())));
    }
    let x = vm.buffer(a)?;
    let y = vm.buffer(b)?;
    match (x, y) {
        (None, None) => Err(vm.type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
        (None, _) => Err(not_bytes_like(vm, a)),
        (_, None) => Err(not_bytes_like(vm, b)),
        (Some(x), Some(y)) => Ok(Value::Bool(same_bytes(&x.bytes, &y.bytes))),
    }
}

fn not_bytes_like(vm: &mut Vm, v: &Value) -> PyErr {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

/// Constant-time (for equal lengths) comparison.
fn same_bytes(x: &[u8], y: &[u8]) -> bool {
    if x.len() != y.len() {
        return false;
    }
    x.iter().zip(y).fold(0u8, |acc, (p, q)| acc | (p ^ q)) == 0
}
