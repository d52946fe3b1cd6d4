//! Removes instructions no path reaches (code after `return`, `break`,
//! `raise`, or a loop bottom that every branch leaves), as CPython does.

use crate::bytecode::{CodeObject, Instruction as I};

fn target(ins: &I) -> Option<u32> {
    match *ins {
        I::Jump(t)
        | I::PopJumpIfFalse(t)
        | I::PopJumpIfTrue(t)
        | I::PopJumpIfNone(t)
        | I::JumpIfFalseOrPop(t)
        | I::JumpIfTrueOrPop(t)
        | I::ForIter(t)
        | I::SetupFinally(t)
        | I::SetupWith(t)
        | I::SetupAsyncWith(t)
        | I::JumpIfNotExcMatch(t)
        | I::Send(t) => Some(t),
        _ => None,
    }
}

fn ends_flow(ins: &I) -> bool {
    matches!(ins, I::Jump(_) | I::ReturnValue | I::Raise(_) | I::Reraise)
}

/// Drops unreachable instructions (and their locations), retargeting jumps.
pub fn remove_unreachable(code: &mut CodeObject) {
    let len = code.instructions.len();
    let mut reachable = vec![false; len];
    let mut work = vec![0usize];
    while let Some(pc) = work.pop() {
        let Some(seen) = reachable.get_mut(pc) else {
            continue;
        };
        if *seen {
            continue;
        }
        *seen = true;
        let Some(ins) = code.instructions.get(pc) else {
            continue;
        };
        if let Some(t) = target(ins) {
            work.push(t as usize);
        }
        if !ends_flow(ins) {
            work.push(pc + 1);
        }
    }
    if reachable.iter().all(|r| *r) {
        return;
    }
    // New index of each old instruction (of the next kept one, if dropped).
    let mut new_index = Vec::with_capacity(len + 1);
    let mut kept = 0u32;
    for r in &reachable {
        new_index.push(kept);
        if *r {
            kept += 1;
        }
    }
    new_index.push(kept);
    let instructions = std::mem::take(&mut code.instructions);
    let locations = std::mem::take(&mut code.locations);
    for ((ins, loc), r) in instructions.into_iter().zip(locations).zip(&reachable) {
        if !*r {
            continue;
        }
        let mut ins = ins;
        if let Some(t) = crate::codegen::jump_target_mut(&mut ins) {
            *t = new_index.get(*t as usize).copied().unwrap_or(kept);
        }
        code.instructions.push(ins);
        code.locations.push(loc);
    }
}
