//! Instruction sequences for the constructs whose shape the VM depends on
//! (the block-stack protocol of bytecode.rs, comprehensions, class bodies,
//! closures, calls). These pin rpy's own bytecode contract; CPython's
//! bytecode differs, so the expectations come from bytecode.rs's docs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::bytecode::{
    BinaryOperator, CodeObject, ComparisonOperator, Constant, Instruction as I, MakeFunctionFlags,
};
use rpy_compiler::{check_stack, compile, Mode};

fn module(src: &str) -> CodeObject {
    let code = compile(src, "t.py", Mode::Exec).unwrap();
    check_stack(&code).unwrap();
    code
}

fn inner(code: &CodeObject, index: usize) -> CodeObject {
    let codes: Vec<_> = code
        .constants
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some((**c).clone()),
            _ => None,
        })
        .collect();
    check_stack(&codes[index]).unwrap();
    codes[index].clone()
}

#[test]
fn try_except_as_name() {
    let code = module("try:\n    a\nexcept E as e:\n    b\n");
    assert_eq!(
        code.instructions,
        [
            I::SetupFinally(5),
            I::LoadName(0), // a
            I::PopTop,
            I::PopBlock,
            I::Jump(23), // no else: over the handlers
            // handler: [exc]
            I::DupTop,
            I::LoadName(1), // E
            I::JumpIfNotExcMatch(22),
            I::StoreName(2), // e
            I::SetupFinally(18),
            I::LoadName(3), // b
            I::PopTop,
            I::PopBlock,
            I::PopExcept,
            I::LoadConst(0),
            I::StoreName(2),
            I::DeleteName(2),
            I::Jump(23),
            // an exception inside the handler body: clear the name, re-raise
            I::LoadConst(0),
            I::StoreName(2),
            I::DeleteName(2),
            I::Reraise,
            // no handler matched
            I::Reraise,
            I::LoadConst(0),
            I::ReturnValue,
        ]
    );
}

#[test]
fn try_finally_duplicates_the_finally_body() {
    let code = module("try:\n    a\nfinally:\n    b\n");
    assert_eq!(
        code.instructions,
        [
            I::SetupFinally(7),
            I::LoadName(0),
            I::PopTop,
            I::PopBlock,
            I::LoadName(1),
            I::PopTop,
            I::Jump(10),
            // exceptional path: [exc]
            I::LoadName(1),
            I::PopTop,
            I::Reraise,
            I::LoadConst(0),
            I::ReturnValue,
        ]
    );
}

#[test]
fn with_statement() {
    let code = module("with m as v:\n    a\n");
    assert_eq!(
        code.instructions,
        [
            I::LoadName(0), // m
            I::SetupWith(12),
            I::StoreName(1), // v
            I::LoadName(2),  // a
            I::PopTop,
            I::PopBlock,
            I::LoadConst(0),
            I::DupTop,
            I::DupTop,
            I::Call(3),
            I::PopTop,
            I::Jump(18),
            // [exit, exc]
            I::WithExceptStart,
            I::PopJumpIfTrue(15),
            I::Reraise,
            I::PopTop,
            I::PopExcept,
            I::PopTop,
            I::LoadConst(0),
            I::ReturnValue,
        ]
    );
}

#[test]
fn return_inside_for_inside_try_finally() {
    let code = module("def f(xs):\n    for x in xs:\n        try:\n            return x\n        finally:\n            g()\n");
    let f = inner(&code, 0);
    // return x: value first, then the finally body, then the iterator is
    // dropped from under the value.
    let ret = f
        .instructions
        .iter()
        .position(|i| *i == I::ReturnValue)
        .unwrap();
    assert_eq!(
        f.instructions[ret - 7..=ret],
        [
            I::LoadFast(1),
            I::PopBlock,
            I::LoadGlobal(0),
            I::Call(0),
            I::PopTop,
            I::RotTwo,
            I::PopTop,
            I::ReturnValue,
        ]
    );
}

#[test]
fn list_comprehension() {
    let code = module("[x * 2 for x in y if x]\n");
    assert_eq!(
        &code.instructions[..6],
        &[
            I::LoadConst(0),
            I::MakeFunction(MakeFunctionFlags::default()),
            I::LoadName(0), // y, in the enclosing scope
            I::GetIter,
            I::Call(1),
            I::PopTop,
        ]
    );
    let comp = inner(&code, 0);
    assert_eq!(comp.varnames, [".0", "x"]);
    assert_eq!(
        comp.instructions,
        [
            I::BuildList(0),
            I::LoadFast(0),
            I::ForIter(11),
            I::StoreFast(1),
            I::LoadFast(1),
            I::PopJumpIfFalse(2),
            I::LoadFast(1),
            I::LoadConst(0),
            I::BinaryOp(BinaryOperator::Multiply),
            I::ListAppend(2),
            I::Jump(2),
            I::ReturnValue,
        ]
    );
}

#[test]
fn class_body_prologue_and_class_cell() {
    let code = module("class C(B):\n    'doc'\n    def m(self):\n        return super().m()\n");
    assert_eq!(
        &code.instructions[..6],
        &[
            I::LoadBuildClass,
            I::LoadConst(0),
            I::MakeFunction(MakeFunctionFlags::default()),
            I::LoadConst(1), // 'C'
            I::LoadName(0),  // B
            I::Call(3),
        ]
    );
    let body = inner(&code, 0);
    assert_eq!(body.cellvars, ["__class__"]);
    assert_eq!(body.names[..3], ["__name__", "__module__", "__qualname__"]);
    assert_eq!(
        &body.instructions[..6],
        &[
            I::LoadName(0),
            I::StoreName(1),
            I::LoadConst(0), // 'C'
            I::StoreName(2),
            I::LoadConst(1), // 'doc'
            I::StoreName(3), // __doc__
        ]
    );
    let n = body.instructions.len();
    assert_eq!(
        &body.instructions[n - 4..],
        &[
            I::LoadClosure(0),
            I::DupTop,
            I::StoreName(5),
            I::ReturnValue
        ]
    );
    assert_eq!(body.names[5], "__classcell__");
    let method = inner(&body, 0);
    assert_eq!(method.freevars, ["__class__"]);
}

#[test]
fn closures_pass_cells() {
    let code = module("def f(a):\n    def g():\n        return a\n    return g\n");
    let f = inner(&code, 0);
    assert_eq!(f.cellvars, ["a"]);
    assert_eq!(f.cell2arg, [Some(0)]);
    assert_eq!(
        &f.instructions[..5],
        &[
            I::LoadClosure(0),
            I::BuildTuple(1),
            I::LoadConst(1),
            I::MakeFunction(MakeFunctionFlags {
                closure: true,
                ..Default::default()
            }),
            I::StoreFast(1),
        ]
    );
    let g = inner(&f, 0);
    assert_eq!(g.freevars, ["a"]);
    assert_eq!(g.instructions[..2], [I::LoadDeref(0), I::ReturnValue]);
}

#[test]
fn calls() {
    let code = module("o.m(1)\nf(1, k=2)\nf(*a, **k)\n");
    assert_eq!(
        code.instructions,
        [
            I::LoadName(0),
            I::LoadMethod(1),
            I::LoadConst(0),
            I::CallMethod(1),
            I::PopTop,
            I::LoadName(2),
            I::LoadConst(0),
            I::LoadConst(1),
            I::LoadConst(2), // ('k',)
            I::CallKw(2),
            I::PopTop,
            I::LoadName(2),
            I::BuildList(0),
            I::LoadName(3),
            I::ListExtend(1),
            I::ListToTuple,
            I::BuildMap(0),
            I::LoadName(4),
            I::DictMerge(1),
            I::CallFunctionEx { has_kwargs: true },
            I::PopTop,
            I::LoadConst(3),
            I::ReturnValue,
        ]
    );
}

#[test]
fn chained_comparison_evaluates_each_operand_once() {
    let code = compile("a < b < c", "t", Mode::Eval).unwrap();
    assert_eq!(
        code.instructions,
        [
            I::LoadName(0),
            I::LoadName(1),
            I::DupTop,
            I::RotThree,
            I::CompareOp(ComparisonOperator::Lt),
            I::JumpIfFalseOrPop(9),
            I::LoadName(2),
            I::CompareOp(ComparisonOperator::Lt),
            I::Jump(11),
            I::RotTwo,
            I::PopTop,
            I::ReturnValue,
        ]
    );
}

#[test]
fn yield_from_loop() {
    let code = module("def g():\n    yield from x\n");
    let g = inner(&code, 0);
    assert!(g.flags.generator);
    assert_eq!(
        g.instructions[..7],
        [
            I::LoadGlobal(0),
            I::GetYieldFromIter,
            I::LoadConst(0),
            I::Send(6),
            I::YieldValue,
            I::Jump(3),
            I::PopTop,
        ]
    );
}

#[test]
fn try_except_star() {
    let code = module("try:\n    a\nexcept* E as e:\n    b\nexcept* F:\n    c\n");
    assert_eq!(
        code.instructions,
        [
            I::SetupFinally(5),
            I::LoadName(0), // a
            I::PopTop,
            I::PopBlock,
            I::Jump(50),
            // handler: [orig] -> [orig, raised, rest]
            I::DupTop,
            I::BuildList(0),
            I::RotTwo,
            // except* E as e
            I::LoadName(1),
            I::CheckEgMatch,
            I::DupTop,
            I::PopJumpIfNone(27),
            I::StoreName(2),
            I::SetupFinally(21),
            I::LoadName(3), // b
            I::PopTop,
            I::PopBlock,
            I::LoadConst(0),
            I::StoreName(2),
            I::DeleteName(2),
            I::Jump(28),
            // the clause raised: clear the name, collect the exception
            I::LoadConst(0),
            I::StoreName(2),
            I::DeleteName(2),
            I::ListAppend(2),
            I::PopExcept,
            I::Jump(28),
            I::PopTop, // no match: the None
            // except* F
            I::LoadName(4),
            I::CheckEgMatch,
            I::DupTop,
            I::PopJumpIfNone(41),
            I::PopTop,
            I::SetupFinally(38),
            I::LoadName(5), // c
            I::PopTop,
            I::PopBlock,
            I::Jump(42),
            I::ListAppend(2),
            I::PopExcept,
            I::Jump(42),
            I::PopTop,
            // the rest joins what was raised; re-raise the combination
            I::ListAppend(1),
            I::PrepReraiseStar,
            I::DupTop,
            I::PopJumpIfNone(48),
            I::PopExcept,
            I::Reraise,
            I::PopTop,
            I::PopExcept,
            I::LoadConst(0),
            I::ReturnValue,
        ]
    );
}

#[test]
fn try_except_star_else_finally_in_function() {
    let src = "def f():\n    for i in x:\n        try:\n            a\n        except* E:\n            for j in y:\n                if j:\n                    break\n                continue\n        else:\n            b\n        finally:\n            return c\n";
    let code = module(src);
    let f = inner(&code, 0);
    assert!(f.instructions.contains(&I::CheckEgMatch));
    assert!(f.instructions.contains(&I::PrepReraiseStar));
}

#[test]
fn coroutine_flags() {
    let code = module(
        "async def c():\n    await x\nasync def ag():\n    yield 1\ndef g():\n    yield 1\n",
    );
    let c = inner(&code, 0);
    assert!(c.flags.coroutine && !c.flags.generator && !c.flags.async_generator);
    let ag = inner(&code, 1);
    assert!(ag.flags.async_generator && !ag.flags.generator && !ag.flags.coroutine);
    let g = inner(&code, 2);
    assert!(g.flags.generator && !g.flags.coroutine && !g.flags.async_generator);
    assert!(!g.flags.iterable_coroutine);
}

#[test]
fn await_is_a_yield_from_of_the_awaitable() {
    let code = module("async def c():\n    return await x\n");
    let c = inner(&code, 0);
    assert_eq!(
        c.instructions,
        [
            I::LoadGlobal(0),
            I::GetAwaitable(0),
            I::LoadConst(0),
            I::Send(6),
            I::YieldValue,
            I::Jump(3),
            I::ReturnValue,
        ]
    );
}

#[test]
fn async_generator_yields_are_wrapped() {
    let code = module("async def ag():\n    yield 1\n");
    let ag = inner(&code, 0);
    assert_eq!(
        ag.instructions[..4],
        [I::LoadConst(1), I::AsyncGenWrap, I::YieldValue, I::PopTop]
    );
}

#[test]
fn async_comprehension_scopes() {
    // An async list comprehension is a coroutine the function awaits; an
    // async generator expression is an async generator, valid anywhere.
    let code = module("async def f():\n    return [x async for x in y]\n(x async for x in y)\n");
    let f = inner(&code, 0);
    let listcomp = inner(&f, 0);
    assert!(listcomp.flags.coroutine && !listcomp.flags.generator);
    assert!(f.instructions.contains(&I::GetAiter));
    assert!(f.instructions.contains(&I::GetAwaitable(0)));
    assert!(listcomp.instructions.contains(&I::GetAnext));
    assert!(listcomp.instructions.contains(&I::EndAsyncFor));
    let genexp = inner(&code, 1);
    assert!(genexp.flags.async_generator && !genexp.flags.generator);
    // An await in a nested comprehension makes the enclosing one async.
    let code = module("async def f():\n    return [[await z for z in y] for y in w]\n");
    let f = inner(&code, 0);
    let outer = inner(&f, 0);
    assert!(outer.flags.coroutine);
    assert!(inner(&outer, 0).flags.coroutine);
}

#[test]
fn async_with_and_for_shapes() {
    let code = module("async def f():\n    async with m as v:\n        pass\n    async for i in it:\n        pass\n");
    let f = inner(&code, 0);
    let ins = &f.instructions;
    assert_eq!(
        ins[..3],
        [I::LoadGlobal(0), I::BeforeAsyncWith, I::GetAwaitable(1)]
    );
    assert!(ins.iter().any(|i| matches!(i, I::SetupAsyncWith(_))));
    assert_eq!(ins.iter().filter(|i| **i == I::GetAwaitable(2)).count(), 2);
    assert!(ins.contains(&I::GetAiter) && ins.contains(&I::EndAsyncFor));
}
