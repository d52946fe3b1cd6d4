//! The embedding guide (`docs/embedding.md`) as the documentation of a
//! test-only item, so that `cargo test --doc` compiles and runs every
//! Rust block in it. It lives in this crate because the guide's examples
//! use the frozen library and, through the dev-dependency, `rpy-stdlib`:
//! the same crates an embedder adds.
#![doc = include_str!("../../../docs/embedding.md")]
