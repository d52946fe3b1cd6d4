//! Operator dunders (`__add__`, `__radd__`, `__lt__`, `__neg__`, ...) of
//! the built-in types, exposed as native methods that call the VM's
//! built-in operations, so that `int.__add__(1, 2)` and the reflected
//! protocol with user classes behave as in CPython.

use rpy_compiler::bytecode::{BinaryOperator as B, ComparisonOperator as C, UnaryOperator as U};

use crate::native::{Args, NativeFn};
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

/// `a op b` (or `b op a`, reflected) by the built-in operation only.
fn binary(vm: &mut Vm, args: Args, op: B, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__op__")?;
    let r = if reflected {
        vm.builtin_binary(op, b, a)?
    } else {
        vm.builtin_binary(op, a, b)?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented()))
}

fn compare(vm: &mut Vm, args: Args, op: C) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__cmp__")?;
    Ok(match vm.builtin_compare(op, a, b)? {
        Some(r) => Value::Bool(r),
        None => vm.not_implemented(),
    })
}

fn unary(vm: &mut Vm, args: Args, op: U) -> PyResult<Value> {
    let [a] = args.exact_method(vm, "__unary__")?;
    // Dispatch on the built-in payload (skip user overrides).
    if let Some(i) = crate::objects::int::to_integer(a) {
        let r = match op {
            U::Negative => -i,
            U::Invert => !i,
            _ => i,
        };
        return Ok(vm.new_int(r));
    }
    if let Some(f) = crate::objects::float::as_float(a) {
        return Ok(Value::Float(if op == U::Negative { -f } else { f }));
    }
    vm.unary_op(a, op)
}

fn abs_slot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a] = args.exact_method(vm, "__abs__")?;
    if let Some(i) = crate::objects::int::to_integer(a) {
        let r = if i < 0 { -i } else { i };
        return Ok(vm.new_int(r));
    }
    if let Some(f) = crate::objects::float::as_float(a) {
        return Ok(Value::Float(f.abs()));
    }
    Err(vm.type_error("bad operand type for abs()"))
}

fn divmod(vm: &mut Vm, args: Args, reflected: bool) -> PyResult<Value> {
    let [a, b] = args.exact_method(vm, "__divmod__")?;
    let (a, b) = if reflected { (b, a) } else { (a, b) };
    let num = |v: &Value| {
        crate::objects::int::as_int(v).is_some() || crate::objects::float::as_float(v).is_some()
    };
    if !num(a) || !num(b) {
        return Ok(vm.not_implemented());
    }
    let q = vm.binary_op(a, b, B::FloorDivide)?;
    let r = vm.binary_op(a, b, B::Modulo)?;
    Ok(vm.new_tuple(vec![q, r]))
}

/// One native function per operator and side, so the method tables below
/// are static (no closure per interpreter).
macro_rules! slot_fns {
    ($($kind:ident $name:ident($($arg:expr),*);)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            $kind(vm, args, $($arg),*)
        })*
    };
}

slot_fns! {
    binary add(B::Add, false); binary radd(B::Add, true);
    binary sub(B::Subtract, false); binary rsub(B::Subtract, true);
    binary mul(B::Multiply, false); binary rmul(B::Multiply, true);
    binary truediv(B::TrueDivide, false); binary rtruediv(B::TrueDivide, true);
    binary floordiv(B::FloorDivide, false); binary rfloordiv(B::FloorDivide, true);
    binary mod_(B::Modulo, false); binary rmod(B::Modulo, true);
    binary pow(B::Power, false); binary rpow(B::Power, true);
    binary lshift(B::LShift, false); binary rlshift(B::LShift, true);
    binary rshift(B::RShift, false); binary rrshift(B::RShift, true);
    binary and(B::And, false); binary rand(B::And, true);
    binary or(B::Or, false); binary ror(B::Or, true);
    binary xor(B::Xor, false); binary rxor(B::Xor, true);
    compare lt(C::Lt); compare le(C::Le); compare eq(C::Eq);
    compare ne(C::Ne); compare gt(C::Gt); compare ge(C::Ge);
    unary neg(U::Negative); unary pos(U::Positive); unary invert(U::Invert);
    divmod divmod_(false); divmod rdivmod(true);
}

type Table = &'static [(&'static str, NativeFn)];

const COMPARE: Table = &[
    ("__lt__", lt),
    ("__le__", le),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__gt__", gt),
    ("__ge__", ge),
];

const ARITHMETIC: Table = &[
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs_slot),
    ("__divmod__", divmod_),
    ("__rdivmod__", rdivmod),
];

const INT_ONLY: Table = &[
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
    ("__invert__", invert),
];

const BITWISE: Table = &[
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
];

// Sequences concatenate only from the left: no `__radd__`, as CPython's.
const TEXT: Table = &[
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", mod_),
    ("__rmod__", rmod),
];

const SEQUENCE: Table = &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];

/// Adds the operator dunders appropriate for built-in type `t`.
pub fn add_binary_slots(vm: &mut Vm, t: &PyRef) {
    let name = t.as_type().map(|d| d.name()).unwrap_or_default();
    let tables: &[Table] = match name.as_str() {
        "int" => &[ARITHMETIC, INT_ONLY, COMPARE, BITWISE],
        "bool" => &[BITWISE],
        "float" => &[ARITHMETIC, COMPARE],
        "str" | "bytes" | "bytearray" => &[TEXT, COMPARE],
        "list" | "tuple" => &[SEQUENCE],
        _ => &[],
    };
    for &table in tables {
        vm.add_methods(t, table);
    }
}
