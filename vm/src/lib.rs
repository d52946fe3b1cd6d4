//! rpy's virtual machine: values and objects, the eval loop, the built-in
//! types and functions, the import system, and the embedding API.
//!
//! Layout:
//! - `value.rs`, `object.rs`: `Value` and heap objects (`PyObject`, `Payload`).
//! - `vm.rs`: the interpreter state and helpers to make objects and errors.
//! - `interp.rs`: `Interpreter`, the embedding API.
//! - `native.rs`, `define.rs`: native functions, argument helpers, and the
//!   API to define types, methods and modules.
//! - `objects/`: one file per built-in type.
//! - `eval/`: frames, the eval loop, calls, operators.
//! - `attr.rs`, `protocol.rs`: attribute access and object protocols.
//! - `builtins/`, `modules/`: the `builtins` module and native modules.
//! - `import.rs`, `traceback.rs`, `format.rs`, `hash.rs`, `gc.rs`, `io.rs`.
#![forbid(unsafe_code)]

pub mod attr;
pub mod builtins;
pub mod define;
pub mod eval;
pub mod format;
pub mod gc;
pub mod hash;
pub mod import;
pub mod interp;
pub mod interrupt;
pub mod io;
pub mod modules;
pub mod names;
pub mod native;
pub mod object;
pub mod objects;
pub mod protocol;
pub mod text;
pub mod text_bridge;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

pub use interp::Interpreter;
pub use native::{Args, NativeFn, Params};
pub use object::{Payload, PyObject};
pub use objects::bytes::Buffer;
pub use rpy_compiler::bytecode::{BinaryOperator, ComparisonOperator, UnaryOperator};
pub use value::{PyRef, Value};
pub use vm::{PyErr, PyResult, Vm};
