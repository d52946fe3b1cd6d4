//! The maximum value-stack depth of a code object, by flow analysis over
//! each instruction's stack effect (for `CodeObject::max_stack`).

use crate::bytecode::{CodeObject, Instruction as I};

impl I {
    /// The stack effect of this instruction when it falls through
    /// (`jump == false`) or jumps.
    pub fn stack_effect(&self, jump: bool) -> i64 {
        stack_effect(self, jump)
    }
}

fn stack_effect(ins: &I, jump: bool) -> i64 {
    let n = |x: &u32| i64::from(*x);
    match ins {
        I::Nop | I::RotTwo | I::RotThree | I::RotFour => 0,
        I::PopTop => -1,
        I::DupTop => 1,
        I::DupTopTwo => 2,
        I::LoadConst(_)
        | I::LoadFast(_)
        | I::LoadDeref(_)
        | I::LoadClosure(_)
        | I::LoadClassDeref(_)
        | I::LoadGlobal(_)
        | I::LoadName(_) => 1,
        I::StoreFast(_) | I::StoreDeref(_) | I::StoreGlobal(_) | I::StoreName(_) => -1,
        I::DeleteFast(_) | I::DeleteDeref(_) | I::DeleteGlobal(_) | I::DeleteName(_) => 0,
        I::LoadAttr(_) => 0,
        I::StoreAttr(_) => -2,
        I::DeleteAttr(_) => -1,
        I::LoadMethod(_) => 1,
        I::BinarySubscr => -1,
        I::StoreSubscr => -3,
        I::DeleteSubscr => -2,
        I::BuildSlice(k) => 1 - n(k),
        I::UnaryOp(_) => 0,
        I::BinaryOp(_) | I::InplaceOp(_) | I::CompareOp(_) | I::IsOp(_) | I::ContainsOp(_) => -1,
        I::BuildTuple(k) | I::BuildList(k) | I::BuildSet(k) | I::BuildString(k) => 1 - n(k),
        I::BuildMap(k) => 1 - 2 * n(k),
        I::ListAppend(_) | I::SetAdd(_) => -1,
        I::MapAdd(_) => -2,
        I::ListExtend(_) | I::SetUpdate(_) | I::DictUpdate(_) | I::DictMerge(_) => -1,
        I::ListToTuple => 0,
        I::FormatValue { has_spec, .. } => -i64::from(*has_spec),
        I::UnpackSequence(k) => n(k) - 1,
        I::UnpackEx { before, after } => n(before) + n(after),
        I::Jump(_) => 0,
        I::PopJumpIfFalse(_) | I::PopJumpIfTrue(_) | I::PopJumpIfNone(_) => -1,
        I::JumpIfFalseOrPop(_) | I::JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        I::GetIter => 0,
        I::ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        I::ReturnValue => -1,
        I::Call(k) => -n(k),
        I::CallKw(k) => -n(k) - 1,
        I::CallFunctionEx { has_kwargs } => -1 - i64::from(*has_kwargs),
        I::CallMethod(k) => -n(k) - 1,
        I::MakeFunction(f) => {
            -(i64::from(f.defaults)
                + i64::from(f.kw_defaults)
                + i64::from(f.annotations)
                + i64::from(f.closure))
        }
        I::LoadBuildClass | I::LoadAssertionError => 1,
        I::SetupAnnotations => 0,
        I::PrintExpr => -1,
        I::ImportName(_) => -1,
        I::ImportFrom(_) => 1,
        I::ImportStar => -1,
        I::Raise(k) => -n(k),
        I::Reraise => -1,
        I::SetupFinally(_) => i64::from(jump),
        I::PopBlock | I::PopExcept => 0,
        I::JumpIfNotExcMatch(_) => -2,
        I::SetupWith(_) => 1,
        I::WithExceptStart => 1,
        I::CheckEgMatch => 0,
        I::PrepReraiseStar => -1,
        I::RotN(_) => 0,
        I::GetLen | I::MatchMapping | I::MatchSequence | I::MatchKeys => 1,
        I::MatchClass(_) => -2,
        I::CopyDictWithoutKeys => -1,
        I::YieldValue => 0,
        I::GetYieldFromIter => 0,
        I::Send(_) => {
            if jump {
                -1
            } else {
                0
            }
        }
        I::GetAwaitable(_) | I::GetAiter | I::AsyncGenWrap | I::SetupAsyncWith(_) => 0,
        I::GetAnext | I::BeforeAsyncWith => 1,
        I::EndAsyncFor => -2,
    }
}

/// The maximum stack depth of `code` (0 if the code is inconsistent).
pub fn max_stack_depth(code: &CodeObject) -> u32 {
    check_stack(code).unwrap_or(0)
}

/// Walks every path through `code`: the maximum stack depth, or a message
/// if some instruction is reached with two different depths or the stack
/// would underflow (a compiler bug; used by tests).
pub fn check_stack(code: &CodeObject) -> Result<u32, String> {
    let len = code.instructions.len();
    let mut depth_at: Vec<Option<i64>> = vec![None; len];
    let mut work = vec![(0usize, 0i64)];
    let mut max = 0i64;
    while let Some((pc, depth)) = work.pop() {
        if depth < 0 {
            return Err(format!("{}: stack underflow at {pc}", code.qualname));
        }
        let Some(slot) = depth_at.get_mut(pc) else {
            return Err(format!("{}: flow runs past the end ({pc})", code.qualname));
        };
        match *slot {
            Some(d) if d == depth => continue,
            Some(d) => {
                return Err(format!(
                    "{}: instruction {pc} reached with depths {d} and {depth}",
                    code.qualname
                ))
            }
            None => *slot = Some(depth),
        }
        let Some(ins) = code.instructions.get(pc) else {
            continue;
        };
        if let Some(t) = ins.jump_target() {
            let d = depth + ins.stack_effect(true);
            max = max.max(d);
            work.push((t as usize, d));
        }
        if !ins.ends_flow() {
            let d = depth + ins.stack_effect(false);
            max = max.max(d);
            work.push((pc + 1, d));
        }
    }
    Ok(u32::try_from(max.max(0)).unwrap_or(u32::MAX))
}
