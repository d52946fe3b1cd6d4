//! Execution: frames, the eval loop, calls and operator dispatch.

pub mod attr_cache;
pub mod call;
pub mod exec;
pub mod frame;
pub mod global_cache;
pub mod ops;
pub mod pattern;
