//! rpy's compiler: Python 3.11 source text to rpy bytecode.
//!
//! The pipeline is `parse` (the only module that knows the parser crate) ->
//! our own AST -> `symtable` -> `codegen` -> [`bytecode::CodeObject`].
//!
//! ```
//! use rpy_compiler::{compile, Mode};
//! let code = compile("print(1 + 2)\n", "<string>", Mode::Exec).unwrap();
//! assert_eq!(code.name, "<module>");
//! ```
#![forbid(unsafe_code)]

pub mod anchors;
pub mod ast;
pub mod bytecode;
mod codegen;
mod dead_code;
pub mod dis;
mod error;
mod escapes;
mod fstring_fix;
mod future;
mod parse;
mod parse_errors;
mod scan;
mod source_map;
mod stack_depth;
mod surrogate_literals;
pub mod symtable;
pub mod unparse;
mod warning;

pub use dis::disassemble;
pub use error::{CompileError, CompileErrorKind};
pub use stack_depth::check_stack;
pub use surrogate_literals::SURROGATE_STORE_BASE;
pub use warning::{CompileWarning, WarningCategory};

use source_map::SourceMap;

/// How the source is compiled (the `mode` argument of `compile()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source: a sequence of statements.
    Exec,
    /// One expression; the code returns its value.
    Eval,
    /// An interactive statement: expression statements print their value
    /// through `PrintExpr`.
    Single,
}

/// Compiles `source` to a module-level code object.
///
/// Like CPython's `compile()` of a `str`, a leading U+FEFF is an error:
/// whoever decodes a file's bytes strips a UTF-8 byte order mark first, as
/// CPython's tokenizer does.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<bytecode::CodeObject, CompileError> {
    compile_with_warnings(source, filename, mode).map(|(code, _)| code)
}

/// Like [`compile`], also returning the warnings CPython would issue while
/// compiling (in order): the VM passes them to the `warnings` machinery
/// (SyntaxWarnings print as `file:line: SyntaxWarning: message`).
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<(bytecode::CodeObject, Vec<CompileWarning>), CompileError> {
    compile_with_options(source, filename, mode, CompileOptions::default())
}

/// How to compile, beyond the mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// CPython's optimization level (`-O` count, `compile(optimize=)`):
    /// 1 leaves asserts out and makes `__debug__` False; 2 also leaves
    /// docstrings out.
    pub optimize: u8,
}

/// Like [`compile_with_warnings`], with `options`.
pub fn compile_with_options(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
) -> Result<(bytecode::CodeObject, Vec<CompileWarning>), CompileError> {
    let map = SourceMap::new(source, filename);
    let mut warnings = Vec::new();
    let module = parse::parse_with_warnings(source, &map, mode, &mut warnings)?;
    let future = module_future(&module, &map)?;
    let table = symtable::build(&module, &map, future)?;
    let code =
        codegen::compile_module(&module, &table, &map, mode, future, options, &mut warnings)?;
    Ok((code, warnings))
}

/// Compiles a syntax tree built elsewhere (`compile()` of an `ast` object):
/// no source text, so errors carry no line text.
pub fn compile_tree(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
) -> Result<(bytecode::CodeObject, Vec<CompileWarning>), CompileError> {
    let map = SourceMap::new("", filename);
    let mut warnings = Vec::new();
    let future = module_future(module, &map)?;
    let table = symtable::build(module, &map, future)?;
    let code = codegen::compile_module(module, &table, &map, mode, future, options, &mut warnings)?;
    Ok((code, warnings))
}

fn module_future(module: &ast::Module, map: &SourceMap) -> Result<future::Future, CompileError> {
    match module {
        ast::Module::Exec(body) | ast::Module::Single(body) => future::scan(body, map),
        ast::Module::Eval(_) => Ok(future::Future::default()),
    }
}

/// Whether interactive input `source` is unfinished, so that a REPL should
/// prompt for another line (`...`) rather than compile it: open brackets,
/// an open triple-quoted string, a trailing backslash, or a compound
/// statement (`if`, `def`, a decorator, ...) not yet ended by an empty line.
pub fn incomplete_input(source: &str) -> bool {
    parse_errors::incomplete_input(source)
}

/// Parses `source` to our AST only (no symbol table or code generation).
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<ast::Module, CompileError> {
    let map = SourceMap::new(source, filename);
    parse::parse(source, &map, mode)
}

/// Builds the symbol table of `source` (for tools and tests).
pub fn symbol_table(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<symtable::SymbolTable, CompileError> {
    let map = SourceMap::new(source, filename);
    let module = parse::parse(source, &map, mode)?;
    let future = module_future(&module, &map)?;
    symtable::build(&module, &map, future)
}
