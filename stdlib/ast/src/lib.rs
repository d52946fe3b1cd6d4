//! rpy's native `_ast` module: the node classes of Python 3.11's syntax
//! tree (`AST` and its 118 subclasses, with `_fields`, `_attributes` and
//! `__match_args__`) and the `PyCF_*` compile flags, which CPython's
//! unchanged `ast.py` imports; and the hooks through which the VM's
//! `compile()` turns source into these nodes (`ast.parse`) and nodes back
//! into code (`compile(tree, ...)`).
//!
//! ```
//! let mut interp = rpy_vm::Interpreter::new();
//! rpy_ast::register(&mut interp);
//! let src = "import _ast\nassert _ast.Name('x').id == 'x'";
//! assert!(interp.run_source(src, "<doc>").is_ok());
//! ```
#![forbid(unsafe_code)]

mod ast_module;
mod from_object;
mod hooks;
mod node_table;
mod to_object;

use std::rc::Rc;

use rpy_vm::{Interpreter, Vm};

/// Makes `_ast` importable in `interp`.
pub fn register(interp: &mut Interpreter) {
    register_vm(interp.vm());
}

/// Makes `_ast` importable in a bare `Vm`.
pub fn register_vm(vm: &mut Vm) {
    vm.register_module("_ast", Rc::new(ast_module::init));
    vm.set_ast_hooks(hooks::HOOKS);
}
