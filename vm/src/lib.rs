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
//! - `builtins/`, `sys/`, `codecs.rs`, `core_modules.rs`: the core
//!   modules `builtins`, `sys`, `_codecs` and `_weakref`. Every other
//!   native module is a `stdlib/` crate on this crate's root API
//!   (`rpy_stdlib::register`).
//! - `import.rs`, `traceback.rs`, `format.rs`, `hash.rs`, `gc.rs`, `io.rs`.
//!
//! All modules are private: the public API is the list of re-exports
//! below, the same for embedders and for the stdlib crates.
//! - `runtime.rs`: the built-in types and names all interpreters on a
//!   thread share.
#![forbid(unsafe_code)]

mod alloc_gate;
mod ast_hook;
pub(crate) mod attr;
pub(crate) mod builtins;
pub(crate) mod codecs;
pub(crate) mod convert;
mod core_modules;
mod deadline;
pub(crate) mod define;
pub(crate) mod error;
pub(crate) mod eval;
pub(crate) mod exit_hooks;
mod flags;
pub(crate) mod format;
pub(crate) mod frozen;
pub(crate) mod gc;
pub(crate) mod gc_heap;
pub(crate) mod hash;
pub(crate) mod heap_stats;
pub(crate) mod imp;
pub(crate) mod import;
mod import_hooks;
pub(crate) mod interp;
pub(crate) mod interp_builder;
pub(crate) mod interrupt;
pub(crate) mod io;
pub(crate) mod limits;
pub(crate) mod names;
pub(crate) mod native;
pub(crate) mod native_args;
pub(crate) mod native_module;
pub(crate) mod native_slots;
pub(crate) mod native_type;
pub(crate) mod object;
pub(crate) mod objects;
mod panic_guard;
pub(crate) mod protocol;
pub(crate) mod runtime;
pub(crate) mod sandbox;
pub(crate) mod sys;
pub(crate) mod text;
pub(crate) mod text_bridge;
pub(crate) mod traceback;
pub(crate) mod traceback_report;
pub(crate) mod typed_fn;
pub(crate) mod types;
pub(crate) mod value;
pub(crate) mod vm;
pub(crate) mod warn;
mod warnings_module;

pub use ast_hook::AstHooks;
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
pub use native_args::{
    ArgKind, BytesLike, FromArg, Index, KwArgs, OptArg, Real, Signature, VarArgs,
};
pub use native_module::ModuleDef;
pub use native_type::{ClassDef, Native, NativeClass};
pub use object::{Payload, PyObject};
pub use objects::bytes::Buffer;
pub use rpy_compiler::bytecode::{BinaryOperator, ComparisonOperator, UnaryOperator};
pub use sandbox::Capability;
pub use typed_fn::{FunctionBuilder, IntoNativeFn};
pub use value::{PyRef, Value};
pub use vm::{BufferExporter, ExportedBuffer, ModuleInit};

// Numbers: Python ints, floats and complex numbers as Rust values, with
// CPython's conversions (for `math`, `cmath`, `time`, `_struct`, ...).
pub use objects::complex::{as_complex, c_abs, c_quot, new_complex, CErr};
pub use objects::float::{as_float, float_to_int};
pub use objects::int::{as_int, integer_to_f64, to_integer, IntVal};

// Dicts: the table behind `Payload::Dict`, and reading one without
// running Python code.
pub use objects::dict::{entries as dict_entries, table as dict_table};
pub use objects::table::DictTable;

// Attributes, types and struct sequences.
pub use native_args::index_arg;
pub use objects::descriptor::set_instance_dict;
pub use objects::generic_alias::new_alias as new_generic_alias;
pub use objects::memoryview::decode_item;
pub use objects::object_::type_qualname;
pub use objects::struct_seq::StructSeqFields;

// Output, Ctrl-C, and the Unicode tables `str` uses (for `_sre`).
pub use interrupt::InterruptFlag;
pub use io::{CaptureOutput, Output, StdOutput};
pub use text::surrogates;
pub use text::unicode_class;
pub use vm::{PyErr, PyResult, Vm};
