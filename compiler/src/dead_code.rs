//! Removes instructions no path reaches (code after `return`, `break`,
//! `raise`, or a loop bottom that every branch leaves), as CPython does.

use crate::bytecode::CodeObject;

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
        if let Some(t) = ins.jump_target() {
            work.push(t as usize);
        }
        if !ins.ends_flow() {
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
        if let Some(t) = ins.jump_target_mut() {
            *t = new_index.get(*t as usize).copied().unwrap_or(kept);
        }
        code.instructions.push(ins);
        code.locations.push(loc);
    }
}
