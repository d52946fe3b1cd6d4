//! Pieces of the snapshot harness (`tests/snapshots.rs`): running a child
//! process, rendering its outcome, reading `.snap` files and the
//! expected-failure list.

pub mod known;
pub mod process;
pub mod render;
pub mod snapfile;
