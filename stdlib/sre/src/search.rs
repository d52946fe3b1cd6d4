//! One run of the matcher from Python: the compiled program of a pattern
//! (`Program`), run over a `Text` between two positions, with the VM's
//! limits and Ctrl-C checked while it runs and the engine's stops turned
//! into Python exceptions.

use std::rc::Rc;

use rpy_vm::{PyResult, Vm};

use crate::engine::{self, Found, Request, Stop};
use crate::text::{Text, Units};

/// What a pattern runs: its code words and group count.
pub struct Program {
    pub code: Box<[u32]>,
    pub groups: usize,
    /// None when the pattern has no source (either kind of subject).
    pub bytes: Option<bool>,
}

/// How a run anchors.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

/// The instruction-budget cost charged per poll of the engine (one poll
/// every couple of thousand engine steps).
const POLL_COST: u32 = 64;

/// Runs `prog` over `text[pos..end]`.
pub fn run(
    vm: &mut Vm,
    prog: &Rc<Program>,
    text: &Text,
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    let mut poll = || vm.check_native_work(POLL_COST);
    let units = text.units();
    let nmarks = prog.groups.saturating_mul(2);
    let result = match units {
        Units::Narrow(b) => engine::run(
            &Request {
                code: &prog.code,
                text: b,
                pos,
                end,
                match_all: mode == Mode::FullMatch,
                must_advance,
                nmarks,
            },
            mode == Mode::Search,
            &mut poll,
        ),
        Units::Wide(w) => engine::run(
            &Request {
                code: &prog.code,
                text: w,
                pos,
                end,
                match_all: mode == Mode::FullMatch,
                must_advance,
                nmarks,
            },
            mode == Mode::Search,
            &mut poll,
        ),
    };
    match result {
        Ok(f) => Ok(f),
        Err(Stop::Interrupted(e)) => Err(e),
        Err(Stop::Invalid) => Err(vm.runtime_error("invalid SRE code")),
        Err(Stop::TooBig) => Err(vm.memory_error()),
    }
}
