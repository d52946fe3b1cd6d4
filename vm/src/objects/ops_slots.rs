//! Operator dunders (`__add__`, `__radd__`, `__lt__`, `__neg__`, ...) of
//! the built-in types, exposed as native methods that call the VM's
//! built-in operations, so that `int.__add__(1, 2)` and the reflected
//! protocol with user classes behave as in CPython.

use std::rc::Rc;

use rpy_compiler::bytecode::{BinaryOperator as B, ComparisonOperator as C, UnaryOperator as U};

use crate::native::Args;
use crate::value::{PyRef, Value};
use crate::vm::{PyResult, Vm};

fn binary_slot(op: B, reflected: bool) -> crate::native::NativeClosure {
    Rc::new(move |vm: &mut Vm, args: Args| {
        let [a, b] = args.exact_method(vm, "__op__")?;
        let r = if reflected {
            vm.builtin_binary(op, b, a)?
        } else {
            vm.builtin_binary(op, a, b)?
        };
        Ok(r.unwrap_or_else(|| vm.not_implemented()))
    })
}

fn compare_slot(op: C) -> crate::native::NativeClosure {
    Rc::new(move |vm: &mut Vm, args: Args| {
        let [a, b] = args.exact_method(vm, "__cmp__")?;
        Ok(match vm.builtin_compare(op, a, b)? {
            Some(r) => Value::Bool(r),
            None => vm.not_implemented(),
        })
    })
}

fn unary_slot(op: U) -> crate::native::NativeClosure {
    Rc::new(move |vm: &mut Vm, args: Args| {
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
    })
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

fn divmod_slot(reflected: bool) -> crate::native::NativeClosure {
    Rc::new(move |vm: &mut Vm, args: Args| {
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
    })
}

fn add_bin(vm: &mut Vm, t: &PyRef, ops: &[B]) {
    for op in ops {
        let (n, rn, _) = vm.op_names(*op);
        let n = n.as_str().unwrap_or("").to_owned();
        let rn = rn.as_str().unwrap_or("").to_owned();
        vm.add_method_closure(t, &n, binary_slot(*op, false));
        vm.add_method_closure(t, &rn, binary_slot(*op, true));
    }
}

fn add_cmp(vm: &mut Vm, t: &PyRef) {
    for op in [C::Lt, C::Le, C::Eq, C::Ne, C::Gt, C::Ge] {
        let n = vm.cmp_name(op).as_str().unwrap_or("").to_owned();
        vm.add_method_closure(t, &n, compare_slot(op));
    }
}

/// Adds the operator dunders appropriate for built-in type `t`.
pub fn add_binary_slots(vm: &mut Vm, t: &PyRef) {
    let name = t.as_type().map(|d| d.name()).unwrap_or_default();
    match name.as_str() {
        "int" | "bool" => {
            if name == "int" {
                add_bin(
                    vm,
                    t,
                    &[
                        B::Add,
                        B::Subtract,
                        B::Multiply,
                        B::TrueDivide,
                        B::FloorDivide,
                        B::Modulo,
                        B::Power,
                        B::LShift,
                        B::RShift,
                    ],
                );
                add_cmp(vm, t);
                vm.add_method_closure(t, "__neg__", unary_slot(U::Negative));
                vm.add_method_closure(t, "__pos__", unary_slot(U::Positive));
                vm.add_method_closure(t, "__invert__", unary_slot(U::Invert));
                vm.add_methods(t, &[("__abs__", abs_slot)]);
                vm.add_method_closure(t, "__divmod__", divmod_slot(false));
                vm.add_method_closure(t, "__rdivmod__", divmod_slot(true));
            }
            add_bin(vm, t, &[B::And, B::Or, B::Xor]);
        }
        "float" => {
            add_bin(
                vm,
                t,
                &[
                    B::Add,
                    B::Subtract,
                    B::Multiply,
                    B::TrueDivide,
                    B::FloorDivide,
                    B::Modulo,
                    B::Power,
                ],
            );
            add_cmp(vm, t);
            vm.add_method_closure(t, "__neg__", unary_slot(U::Negative));
            vm.add_method_closure(t, "__pos__", unary_slot(U::Positive));
            vm.add_methods(t, &[("__abs__", abs_slot)]);
            vm.add_method_closure(t, "__divmod__", divmod_slot(false));
            vm.add_method_closure(t, "__rdivmod__", divmod_slot(true));
        }
        "str" | "bytes" | "bytearray" => {
            add_bin(vm, t, &[B::Add, B::Multiply, B::Modulo]);
            add_cmp(vm, t);
        }
        "list" | "tuple" => {
            add_bin(vm, t, &[B::Add, B::Multiply]);
        }
        _ => {}
    }
}
