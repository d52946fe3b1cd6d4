//! The bridge between `compile()` and the `_ast` module: the VM parses and
//! compiles, but the syntax-tree objects belong to a stdlib crate, which
//! registers these hooks (`Vm::set_ast_hooks`). Without them,
//! `compile(..., PyCF_ONLY_AST)` and `compile(tree, ...)` raise
//! NotImplementedError.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Key of the hooks in `Vm::extensions`.
const KEY: &str = "rpy.ast_hooks";

/// What the `_ast` module provides to `compile()`.
#[derive(Clone, Copy)]
pub struct AstHooks {
    /// Parses `source` (named `filename`) in `mode` (`"exec"`, `"eval"`,
    /// `"single"` or `"func_type"`) and returns its tree of `_ast` objects.
    pub parse: fn(vm: &mut Vm, source: &str, filename: &str, mode: &str) -> PyResult<Value>,
    /// Whether `obj` is an `_ast.AST` instance.
    pub is_ast: fn(vm: &mut Vm, obj: &Value) -> PyResult<bool>,
    /// Reads an `_ast` tree back into the compiler's tree for `mode`,
    /// raising CPython's errors for malformed trees.
    pub lower: fn(
        vm: &mut Vm,
        tree: &Value,
        mode: rpy_compiler::Mode,
    ) -> PyResult<rpy_compiler::ast::Module>,
}

impl Vm {
    /// Installs the syntax-tree hooks `compile()` uses.
    pub fn set_ast_hooks(&mut self, hooks: AstHooks) {
        self.extensions.insert(KEY, Box::new(hooks));
    }

    /// The installed syntax-tree hooks, if any.
    pub fn ast_hooks(&self) -> Option<AstHooks> {
        self.extensions
            .get(KEY)
            .and_then(|b| b.downcast_ref::<AstHooks>())
            .copied()
    }

    /// Compiles a syntax tree (from [`AstHooks::lower`]) to a code object.
    pub fn compile_tree(
        &mut self,
        tree: &rpy_compiler::ast::Module,
        filename: &str,
        mode: rpy_compiler::Mode,
        optimize: u8,
    ) -> PyResult<rpy_compiler::bytecode::CodeObject> {
        let options = rpy_compiler::CompileOptions { optimize };
        match rpy_compiler::compile_tree(tree, filename, mode, options) {
            Ok((code, _)) => Ok(code),
            Err(e) => Err(self.compile_error(&e)),
        }
    }
}
