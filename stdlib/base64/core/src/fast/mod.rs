//! Block fast paths: fixed-size blocks of clean input, written so that the
//! compiler vectorizes them, compiled for several CPU levels and chosen at
//! run time (`multiversion`). They hold no semantics of their own: each
//! stops at the first block it cannot take whole and hands the rest back to
//! its codec's one scalar path.

pub(crate) mod b32;
pub(crate) mod b64;
pub(crate) mod b85;
pub(crate) mod hex;
