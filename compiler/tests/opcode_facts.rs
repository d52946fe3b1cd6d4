//! The control-flow facts `Instruction` states about itself: jump
//! targets, flow ends and stack effects, which dead-code removal, stack
//! depth and jump resolution all read.
#![forbid(unsafe_code)]

use rpy_compiler::bytecode::Instruction as I;

#[test]
fn jumps_name_their_target() {
    assert_eq!(I::Jump(7).jump_target(), Some(7));
    assert_eq!(I::ForIter(3).jump_target(), Some(3));
    assert_eq!(I::SetupFinally(9).jump_target(), Some(9));
    assert_eq!(I::ReturnValue.jump_target(), None);
    assert_eq!(I::PopTop.jump_target(), None);
    let mut j = I::PopJumpIfFalse(1);
    if let Some(t) = j.jump_target_mut() {
        *t = 42;
    }
    assert_eq!(j, I::PopJumpIfFalse(42));
}

#[test]
fn flow_ends_only_where_nothing_falls_through() {
    assert!(I::Jump(0).ends_flow());
    assert!(I::ReturnValue.ends_flow());
    assert!(I::Reraise.ends_flow());
    assert!(!I::PopJumpIfTrue(0).ends_flow());
    assert!(!I::ForIter(0).ends_flow());
}

#[test]
fn conditional_jumps_differ_by_branch() {
    assert_eq!(I::PopJumpIfTrue(0).stack_effect(true), -1);
    assert_eq!(I::PopJumpIfTrue(0).stack_effect(false), -1);
    assert_eq!(I::JumpIfTrueOrPop(0).stack_effect(true), 0);
    assert_eq!(I::JumpIfTrueOrPop(0).stack_effect(false), -1);
    assert_eq!(I::DupTop.stack_effect(false), 1);
}
