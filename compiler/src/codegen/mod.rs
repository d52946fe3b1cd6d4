//! Code generation: our AST plus symbol tables to [`CodeObject`]s.
//!
//! One [`Unit`] per code object being built (module, function, class body,
//! lambda, comprehension), kept on a stack while nested code is compiled.
//! Statements live in `stmt.rs`, expressions in `expr.rs`, assignment and
//! `del` targets in `target.rs`, try/with/loop exits in `blocks.rs`,
//! `match` statements in `pattern.rs`, `await`/`async for`/`async with`
//! in `coroutines.rs`,
//! function/class/lambda/comprehension scopes in `scopes.rs`.

mod blocks;
mod coroutines;
mod expr;
mod pattern;
mod scopes;
mod stmt;
mod target;
mod warnings;

use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use crate::bytecode::{CodeFlags, CodeKind, CodeObject, Constant, Idx, Instruction, Location};
use crate::error::{CompileError, CompileErrorKind};
use crate::future::Future;
use crate::source_map::SourceMap;
use crate::symtable::{mangle, ScopeKind, SymbolScope, SymbolTable};
use crate::warning::{CompileWarning, WarningCategory};
use crate::Mode;

pub(crate) use blocks::FBlock;
pub(crate) use target::{expr_name, invalid_target};

type R<T = ()> = Result<T, CompileError>;

/// A jump destination, resolved to an instruction index when the unit ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// Constants compare by type and bits for de-duplication (so `1`, `1.0`,
/// `True` and `-0.0`/`0.0` stay distinct).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    Ellipsis,
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(b) => ConstKey::BigInt(b.to_string()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => {
            ConstKey::Tuple(items.iter().map(const_key).collect::<Option<Vec<_>>>()?)
        }
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Code(_) => return None,
    })
}

/// The code object under construction and its bookkeeping.
struct Unit<'t> {
    code: CodeObject,
    table: &'t SymbolTable,
    const_index: HashMap<ConstKey, Idx>,
    name_index: HashMap<String, Idx>,
    varname_index: HashMap<String, Idx>,
    /// Instruction index of each label, once placed.
    labels: Vec<Option<u32>>,
    fblocks: Vec<FBlock<'t>>,
    loc: Location,
}

pub(crate) struct Compiler<'t, 'm> {
    map: &'t SourceMap<'m>,
    units: Vec<Unit<'t>>,
    interactive: bool,
    future: Future,
    optimize: u8,
    warnings: &'t mut Vec<CompileWarning>,
}

/// Compiles a parsed module with its symbol table.
pub fn compile_module(
    module: &Module,
    table: &SymbolTable,
    map: &SourceMap,
    mode: Mode,
    future: Future,
    options: crate::CompileOptions,
    warnings: &mut Vec<CompileWarning>,
) -> Result<CodeObject, CompileError> {
    let mut c = Compiler {
        map,
        units: Vec::new(),
        interactive: mode == Mode::Single,
        future,
        optimize: options.optimize,
        warnings,
    };
    c.push_unit(table, CodeKind::Module, "<module>", "<module>", 1);
    match module {
        Module::Exec(body) | Module::Single(body) => {
            if table.has_annotations {
                c.emit(Instruction::SetupAnnotations);
            }
            c.body_with_docstring(body, mode == Mode::Exec)?;
            if let Some(last) = body.last() {
                c.set_loc(last.loc);
            }
            c.load_const(Constant::None);
            c.emit(Instruction::ReturnValue);
        }
        Module::Eval(e) => {
            c.expr(e)?;
            c.emit(Instruction::ReturnValue);
        }
    }
    c.pop_unit()
}

/// The docstring of a body: its first statement, if a str constant.
fn first_string(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => Some(s),
        _ => None,
    }
}

impl<'t, 'm> Compiler<'t, 'm> {
    /// The docstring of a body, unless `-OO` leaves docstrings out (the
    /// string statement then compiles to nothing, like any constant).
    fn docstring(&self, body: &'t [Stmt]) -> Option<&'t str> {
        if self.optimize >= 2 {
            return None;
        }
        first_string(body)
    }

    fn unit(&mut self) -> &mut Unit<'t> {
        let last = self.units.len().saturating_sub(1);
        // A unit is pushed before any code is compiled and popped only at the end.
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'t> {
        let last = self.units.len().saturating_sub(1);
        &self.units[last]
    }

    fn table(&self) -> &'t SymbolTable {
        self.unit_ref().table
    }

    fn push_unit(
        &mut self,
        table: &'t SymbolTable,
        kind: CodeKind,
        name: &str,
        qualname: &str,
        first_line: u32,
    ) {
        let cellvars = table.cellvars();
        let freevars = table.freevars();
        let varnames: Vec<String> = if kind == CodeKind::Class || kind == CodeKind::Module {
            Vec::new()
        } else {
            table.params.clone()
        };
        let cell2arg = cellvars
            .iter()
            .map(|c| varnames.iter().position(|v| v == c).map(|i| i as Idx))
            .collect();
        let varname_index = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as Idx))
            .collect();
        let code = CodeObject {
            name: name.to_owned(),
            qualname: qualname.to_owned(),
            filename: self.map.filename().to_owned(),
            first_line,
            kind,
            flags: CodeFlags {
                varargs: table.has_varargs(),
                varkeywords: table.has_varkeywords(),
                generator: table.is_generator && !table.is_coroutine,
                // CPython sets CO_NESTED on nested function-like code only.
                nested: table.nested && table.kind.is_function(),
                coroutine: table.is_coroutine && !table.is_generator,
                iterable_coroutine: false,
                async_generator: table.is_coroutine && table.is_generator,
            },
            arg_count: 0,
            posonly_arg_count: 0,
            kwonly_arg_count: 0,
            instructions: Vec::new(),
            locations: Vec::new(),
            constants: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars,
            cell2arg,
            freevars,
            max_stack: 0,
        };
        self.units.push(Unit {
            code,
            table,
            const_index: HashMap::new(),
            name_index: HashMap::new(),
            varname_index,
            labels: Vec::new(),
            fblocks: Vec::new(),
            loc: Location {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
        });
    }

    /// Finishes the current unit: resolves labels, computes the stack depth.
    fn pop_unit(&mut self) -> R<CodeObject> {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| self.internal("unit stack"))?;
        let mut code = unit.code;
        for ins in code.instructions.iter_mut() {
            if let Some(target) = ins.jump_target_mut() {
                let label = *target as usize;
                *target = unit
                    .labels
                    .get(label)
                    .copied()
                    .flatten()
                    .ok_or_else(|| self.internal("unplaced label"))?;
            }
        }
        crate::dead_code::remove_unreachable(&mut code);
        code.max_stack = crate::stack_depth::max_stack_depth(&code);
        Ok(code)
    }

    fn internal(&self, what: &str) -> CompileError {
        CompileError::bare(
            CompileErrorKind::SyntaxError,
            format!("internal compiler error: {what}"),
            self.map.filename(),
        )
    }

    /// Records a SyntaxWarning about the code at `loc`.
    fn warn(&mut self, message: String, loc: Location) {
        self.warnings.push(CompileWarning {
            category: WarningCategory::SyntaxWarning,
            message,
            filename: self.map.filename().to_owned(),
            line: loc.line,
            loc,
        });
    }

    /// A SyntaxError CPython raises while parsing: `text` is the line.
    fn error(&self, msg: impl Into<String>, loc: Location) -> CompileError {
        self.map.syntax_error(msg, loc)
    }

    /// A SyntaxError CPython raises after parsing (symbol table, compiler):
    /// it has no `text` (CPython reads it from the file, if there is one).
    fn compile_error(&self, msg: impl Into<String>, loc: Location) -> CompileError {
        let mut e = self.map.syntax_error(msg, loc);
        e.text = None;
        e
    }

    // ---- emission ----

    fn set_loc(&mut self, loc: Location) -> Location {
        std::mem::replace(&mut self.unit().loc, loc)
    }

    fn emit(&mut self, ins: Instruction) {
        let unit = self.unit();
        let loc = unit.loc;
        unit.code.instructions.push(ins);
        unit.code.locations.push(loc);
    }

    fn new_label(&mut self) -> Label {
        let unit = self.unit();
        unit.labels.push(None);
        Label((unit.labels.len() - 1) as u32)
    }

    fn place(&mut self, label: Label) {
        let unit = self.unit();
        let here = unit.code.instructions.len() as u32;
        if let Some(slot) = unit.labels.get_mut(label.0 as usize) {
            *slot = Some(here);
        }
    }

    /// Emits a jump-like instruction to `label` (patched in `pop_unit`).
    fn emit_jump(&mut self, make: fn(u32) -> Instruction, label: Label) {
        self.emit(make(label.0));
    }

    fn add_const(&mut self, c: Constant) -> Idx {
        let unit = self.unit();
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = unit.const_index.get(k) {
                return i;
            }
        }
        let i = unit.code.constants.len() as Idx;
        unit.code.constants.push(c);
        if let Some(k) = key {
            unit.const_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instruction::LoadConst(i));
    }

    fn name_idx(&mut self, name: &str) -> Idx {
        let unit = self.unit();
        if let Some(&i) = unit.name_index.get(name) {
            return i;
        }
        let i = unit.code.names.len() as Idx;
        unit.code.names.push(name.to_owned());
        unit.name_index.insert(name.to_owned(), i);
        i
    }

    fn varname_idx(&mut self, name: &str) -> Idx {
        let unit = self.unit();
        if let Some(&i) = unit.varname_index.get(name) {
            return i;
        }
        let i = unit.code.varnames.len() as Idx;
        unit.code.varnames.push(name.to_owned());
        unit.varname_index.insert(name.to_owned(), i);
        i
    }

    /// Deref index of a cell or free variable of the current unit.
    fn deref_idx(&self, name: &str) -> Option<Idx> {
        let code = &self.unit_ref().code;
        if let Some(i) = code.cellvars.iter().position(|c| c == name) {
            return Some(i as Idx);
        }
        code.freevars
            .iter()
            .position(|c| c == name)
            .map(|i| (code.cellvars.len() + i) as Idx)
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.table().private.as_deref(), name)
    }

    /// Load, store or delete a variable, choosing the instruction by scope.
    fn name_op(&mut self, name: &str, op: NameOp) -> R {
        if name == "__debug__" && op == NameOp::Load {
            // CPython compiles `__debug__` to a constant: False under -O.
            self.load_const(Constant::Bool(self.optimize == 0));
            return Ok(());
        }
        let mangled = self.mangle(name);
        let table = self.table();
        let function = table.kind.is_function();
        let class = table.kind == ScopeKind::Class;
        let scope = table.scope_of(&mangled);
        use Instruction as I;
        let ins = match scope {
            SymbolScope::Free | SymbolScope::Cell => {
                let i = self
                    .deref_idx(&mangled)
                    .ok_or_else(|| self.internal("missing cell"))?;
                match op {
                    NameOp::Load if class => I::LoadClassDeref(i),
                    NameOp::Load => I::LoadDeref(i),
                    NameOp::Store => I::StoreDeref(i),
                    NameOp::Delete => I::DeleteDeref(i),
                }
            }
            SymbolScope::Local if function => {
                let i = self.varname_idx(&mangled);
                match op {
                    NameOp::Load => I::LoadFast(i),
                    NameOp::Store => I::StoreFast(i),
                    NameOp::Delete => I::DeleteFast(i),
                }
            }
            SymbolScope::GlobalExplicit => self.global_op(&mangled, op),
            SymbolScope::GlobalImplicit | SymbolScope::Unknown if function => {
                self.global_op(&mangled, op)
            }
            _ => {
                let i = self.name_idx(&mangled);
                match op {
                    NameOp::Load => I::LoadName(i),
                    NameOp::Store => I::StoreName(i),
                    NameOp::Delete => I::DeleteName(i),
                }
            }
        };
        self.emit(ins);
        Ok(())
    }

    fn global_op(&mut self, name: &str, op: NameOp) -> Instruction {
        let i = self.name_idx(name);
        match op {
            NameOp::Load => Instruction::LoadGlobal(i),
            NameOp::Store => Instruction::StoreGlobal(i),
            NameOp::Delete => Instruction::DeleteGlobal(i),
        }
    }

    /// Compiles a body whose leading string constant is a docstring:
    /// stored as `__doc__` if `store_doc`, else skipped.
    fn body_with_docstring(&mut self, body: &'t [Stmt], store_doc: bool) -> R {
        let mut rest = body;
        if store_doc {
            if let (Some(doc), Some(first)) = (self.docstring(body), body.first()) {
                let old = self.set_loc(first.loc);
                self.load_const(Constant::Str(doc.to_owned()));
                self.name_op("__doc__", NameOp::Store)?;
                self.set_loc(old);
                rest = body.get(1..).unwrap_or(&[]);
            }
        }
        self.stmts(rest)
    }

    fn add_code_const(&mut self, code: CodeObject) -> Idx {
        self.add_const(Constant::Code(Rc::new(code)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameOp {
    Load,
    Store,
    Delete,
}
