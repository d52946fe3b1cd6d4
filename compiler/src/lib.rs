//! rpy's compiler: Python 3.11 source text to rpy bytecode.
//!
//! The pipeline is `parse` (the only module that knows the parser crate) ->
//! our own AST -> `symtable` -> `codegen` -> [`bytecode::CodeObject`].
#![forbid(unsafe_code)]

pub mod bytecode;
