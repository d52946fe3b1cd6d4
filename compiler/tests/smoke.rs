//! End-to-end smoke tests: programs compile, and the basic shapes of the
//! generated code are as expected.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::bytecode::{CodeKind, Constant, Instruction as I};
use rpy_compiler::{compile, Mode};

#[test]
fn compiles_a_small_program() {
    let src = "def f(a, b=1):\n    return a + b\nclass C:\n    def m(self):\n        return super().m()\nprint(f(1))\n";
    let code = compile(src, "t.py", Mode::Exec).unwrap();
    assert_eq!(code.kind, CodeKind::Module);
    assert_eq!(code.instructions.last(), Some(&I::ReturnValue));
    assert_eq!(code.instructions.len(), code.locations.len());
    let funcs: Vec<_> = code
        .constants
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(c.qualname.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(funcs, ["f", "C"]);
}

#[test]
fn eval_mode_returns_the_value() {
    let code = compile("1 + x", "<string>", Mode::Eval).unwrap();
    assert_eq!(
        code.instructions,
        [
            I::LoadConst(0),
            I::LoadName(0),
            I::BinaryOp(rpy_compiler::bytecode::BinaryOperator::Add),
            I::ReturnValue
        ]
    );
}

#[test]
fn single_mode_prints_expressions() {
    let code = compile("1\n", "<stdin>", Mode::Single).unwrap();
    assert!(code.instructions.contains(&I::PrintExpr));
}
