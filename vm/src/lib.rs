//! rpy's virtual machine: values and objects, the eval loop, the built-in
//! types and functions, the import system, and the embedding API.
#![forbid(unsafe_code)]
pub mod text;
