//! rpy's virtual machine: values and objects, the eval loop, the built-in
//! types and functions, the import system, and the embedding API.
//!
//! Layout:
//! - `value.rs`, `object.rs`: `Value` and heap objects (`PyObject`, `Payload`).
//! - `vm.rs`: the interpreter state and helpers to make objects and errors.
//! - `interp.rs`, `interp_builder.rs`: `Interpreter`, the embedding API;
//!   `convert.rs` (Rust <-> Python values), `error.rs` (`Error`),
//!   `typed_fn.rs` (typed native functions), `limits.rs` (instruction
//!   budget, time and memory limits), `sandbox.rs`, `heap_stats.rs`.
//! - `native.rs`, `define.rs`: native functions, argument helpers, and the
//!   API to define types, methods and modules.
//! - `native_type.rs`, `native_args.rs`, `native_slots.rs`: typed native
//!   types (`NativeClass`), typed arguments with CPython's messages, and
//!   the slots the protocols dispatch through.
//! - `objects/`: one file per built-in type.
//! - `eval/`: frames, the eval loop, calls, operators.
//! - `attr.rs`, `protocol.rs`: attribute access and object protocols.
//! - `builtins/`, `modules/`: the `builtins` module and native modules.
//! - `import.rs`, `traceback.rs`, `format.rs`, `hash.rs`, `gc.rs`, `io.rs`.
//! - `runtime.rs`: the built-in types and names all interpreters on a
//!   thread share.
#![forbid(unsafe_code)]

mod alloc_gate;
pub mod attr;
pub mod builtins;
pub mod convert;
mod deadline;
pub mod define;
pub mod error;
pub mod eval;
pub mod exit_hooks;
mod flags;
pub mod format;
pub mod frozen;
pub mod gc;
pub mod hash;
pub mod heap_stats;
pub mod import;
mod import_hooks;
pub mod interp;
pub mod interp_builder;
pub mod interrupt;
pub mod io;
pub mod limits;
pub mod modules;
pub mod names;
pub mod native;
pub mod native_args;
pub mod native_module;
pub(crate) mod native_slots;
pub mod native_type;
pub mod object;
pub mod objects;
pub mod protocol;
pub(crate) mod runtime;
pub mod sandbox;
pub mod text;
pub mod text_bridge;
pub mod traceback;
pub(crate) mod traceback_report;
pub mod typed_fn;
pub mod types;
pub mod value;
pub mod vm;
pub(crate) mod warn;

pub use convert::{FromPython, IntoArgs, PyBytes, ToPython};
pub use error::Error;
pub use exit_hooks::ExitHook;
pub use flags::Flags;
pub use frozen::{FrozenDir, FrozenLibrary, FrozenModule};
pub use heap_stats::live_objects;
pub use import::MainModule;
pub use interp::Interpreter;
pub use interp_builder::InterpreterBuilder;
pub use interrupt::InterruptHandler;
pub use native::{Args, NativeFn, Params};
pub use native_args::{ArgKind, BytesLike, FromArg, KwArgs, OptArg, Signature, VarArgs};
pub use native_module::ModuleDef;
pub use native_type::{ClassDef, Native, NativeClass};
pub use object::{Payload, PyObject};
pub use objects::bytes::Buffer;
pub use rpy_compiler::bytecode::{BinaryOperator, ComparisonOperator, UnaryOperator};
pub use sandbox::Capability;
pub use typed_fn::{FunctionBuilder, IntoNativeFn};
pub use value::{PyRef, Value};
pub use vm::{PyErr, PyResult, Vm};
