//! Symbol tables: which scope each name lives in, as CPython decides it.
//!
//! A first pass records, per scope, how each name is used (bound,
//! referenced, declared global/nonlocal, a parameter, ...). A second pass
//! resolves every name to local, global (explicit or implicit), free or
//! cell, top-down with the names bound by enclosing functions, bottom-up
//! with the free names of children. Class bodies do not make their names
//! visible to nested scopes; a method that uses `super` or `__class__` gets
//! the implicit `__class__` cell of its class. Comprehensions are function
//! scopes whose outermost iterable belongs to the enclosing scope.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::ast::*;
use crate::error::CompileError;
use crate::source_map::SourceMap;

/// The kind of block a scope belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes keep their locals in fast slots.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// Where a name resolves within one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolScope {
    /// Not resolved (never happens after analysis).
    Unknown,
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: module globals then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function.
    Free,
    /// Local, and captured by a nested scope.
    Cell,
}

/// How a name is used in one scope (CPython's DEF_* flags).
pub mod flags {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 1 << 1;
    pub const PARAM: u32 = 1 << 2;
    pub const NONLOCAL: u32 = 1 << 3;
    pub const USE: u32 = 1 << 4;
    /// A free name passing through a class that also binds it.
    pub const FREE_CLASS: u32 = 1 << 5;
    pub const IMPORT: u32 = 1 << 6;
    pub const ANNOT: u32 = 1 << 7;
    /// A comprehension's iteration variable.
    pub const COMP_ITER: u32 = 1 << 8;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymbolScope,
}

/// Identifies the AST node that opened a scope, so that codegen can find
/// the scope again (finally bodies are compiled more than once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScopeKey {
    pub kind: ScopeKind,
    pub loc: Location,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SymbolTable {
    pub kind: ScopeKind,
    pub name: String,
    pub loc: Location,
    /// Names in order of first mention.
    pub symbols: IndexMap<String, Symbol>,
    /// Parameter names in `varnames` order.
    pub params: Vec<String>,
    pub children: Vec<SymbolTable>,
    child_index: HashMap<ScopeKey, usize>,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// An `async def` (with `is_generator`, an asynchronous generator).
    pub is_coroutine: bool,
    /// A class whose methods use `__class__`/`super`: the body creates the
    /// `__class__` cell.
    pub needs_class_closure: bool,
    /// Inside a function (directly or not).
    pub nested: bool,
    /// Has annotated assignments (module/class bodies set up
    /// `__annotations__`).
    pub has_annotations: bool,
    /// The class name used to mangle `__private` names, if inside a class.
    pub private: Option<String>,
    /// Where each name was first declared global/nonlocal.
    directives: HashMap<String, Location>,
    has_varargs: bool,
    has_varkeywords: bool,
    /// Inside a comprehension's iterable expression (walrus forbidden).
    comp_iter_expr: u32,
}

impl SymbolTable {
    fn new(
        kind: ScopeKind,
        name: &str,
        loc: Location,
        nested: bool,
        private: Option<String>,
    ) -> Self {
        SymbolTable {
            kind,
            name: name.to_owned(),
            loc,
            symbols: IndexMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            child_index: HashMap::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            nested,
            has_annotations: false,
            private,
            directives: HashMap::new(),
            has_varargs: false,
            has_varkeywords: false,
            comp_iter_expr: 0,
        }
    }

    /// The resolved scope of `name` (already mangled), `Unknown` if absent.
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        self.symbols
            .get(name)
            .map_or(SymbolScope::Unknown, |s| s.scope)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// The child scope opened by the node `key` identifies.
    pub fn child(&self, key: ScopeKey) -> Option<&SymbolTable> {
        self.child_index
            .get(&key)
            .and_then(|&i| self.children.get(i))
    }

    /// Cell variables, sorted (CPython's order).
    pub fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymbolScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        if self.needs_class_closure {
            cells.push("__class__".to_owned());
        }
        cells.sort();
        cells
    }

    /// Free variables, sorted (CPython's order). Class scopes also pass
    /// through names they bind themselves (FREE_CLASS).
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == SymbolScope::Free || s.flags & flags::FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }

    pub fn has_varargs(&self) -> bool {
        self.has_varargs
    }

    pub fn has_varkeywords(&self) -> bool {
        self.has_varkeywords
    }
}

/// `__spam` inside class `Ham` becomes `_Ham__spam` (CPython's mangling).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyses the symbol tables of a module.
pub fn build(
    module: &Module,
    map: &SourceMap,
    future: crate::future::Future,
) -> Result<SymbolTable, CompileError> {
    let top = SymbolTable::new(ScopeKind::Module, "top", Location::default(), false, None);
    let mut b = Builder {
        map,
        stack: vec![top],
        future_annotations: future.annotations,
    };
    match module {
        Module::Exec(body) | Module::Single(body) => b.stmts(body)?,
        Module::Eval(e) => b.expr(e)?,
    }
    let mut top = b.stack.pop().ok_or_else(|| internal(map))?;
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze(&mut top, None, &mut free, &mut global, map)?;
    Ok(top)
}

fn internal(map: &SourceMap) -> CompileError {
    map.compile_error("internal compiler error: scope stack", Location::default())
}

const RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

struct Builder<'a, 'm> {
    map: &'a SourceMap<'m>,
    stack: Vec<SymbolTable>,
    /// Annotations are strings (PEP 563): never evaluated, so their names
    /// do not count as uses.
    future_annotations: bool,
}

type R = Result<(), CompileError>;

impl Builder<'_, '_> {
    fn cur(&mut self) -> &mut SymbolTable {
        // The stack always holds at least the module table.
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn mangled(&mut self, name: &str) -> String {
        mangle(self.cur().private.as_deref(), name)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, loc: Location) {
        let cur = self.cur();
        let nested = cur.nested || cur.kind.is_function();
        let private = if kind == ScopeKind::Class {
            Some(name.to_owned())
        } else {
            cur.private.clone()
        };
        self.stack
            .push(SymbolTable::new(kind, name, loc, nested, private));
    }

    fn exit(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        if let Some(table) = self.stack.pop() {
            let parent = self.cur();
            let key = ScopeKey {
                kind: table.kind,
                loc: table.loc,
            };
            parent.child_index.insert(key, parent.children.len());
            parent.children.push(table);
        }
    }

    /// Records a use of `name` (unmangled) in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, loc: Location) -> R {
        let name = self.mangled(name);
        self.add_def_mangled(name, flag, loc, self.stack.len() - 1)
    }

    fn add_def_mangled(&mut self, name: String, flag: u32, loc: Location, level: usize) -> R {
        let map = self.map;
        let Some(table) = self.stack.get_mut(level) else {
            return Ok(());
        };
        let entry = table.symbols.entry(name.clone()).or_insert(Symbol {
            flags: 0,
            scope: SymbolScope::Unknown,
        });
        if flag & flags::PARAM != 0 && entry.flags & flags::PARAM != 0 {
            return Err(map.compile_error(
                format!("duplicate argument '{name}' in function definition"),
                loc,
            ));
        }
        entry.flags |= flag;
        if flag & flags::PARAM != 0 {
            table.params.push(name.clone());
        }
        if flag & flags::GLOBAL != 0 {
            if let Some(module) = self.stack.first_mut() {
                let e = module.symbols.entry(name).or_insert(Symbol {
                    flags: 0,
                    scope: SymbolScope::Unknown,
                });
                e.flags |= flag;
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, flags::LOCAL, s.loc)?;
                self.exprs(&f.decorators)?;
                self.defaults(&f.args)?;
                self.annotations(&f.args, f.returns.as_ref())?;
                self.enter(ScopeKind::Function, &f.name, s.loc);
                self.cur().is_coroutine = f.is_async;
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, flags::LOCAL, s.loc)?;
                self.exprs(&c.decorators)?;
                self.enter(ScopeKind::Class, &c.name, s.loc);
                self.stmts(&c.body)?;
                self.exit();
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                match &target.kind {
                    ExprKind::Name(n) => self.add_def(n, flags::LOCAL, target.loc)?,
                    _ => self.target(target)?,
                }
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                // Any annotated assignment makes a module or class body set
                // up `__annotations__` (CPython's find_ann).
                if !self.cur().kind.is_function() {
                    self.cur().has_annotations = true;
                }
                if let ExprKind::Name(n) = &target.kind {
                    let name = self.mangled(n);
                    let cur = self.cur();
                    let fl = cur.flags_of(&name);
                    if fl & (flags::GLOBAL | flags::NONLOCAL) != 0
                        && cur.kind != ScopeKind::Module
                        && *simple
                    {
                        let msg = if fl & flags::GLOBAL != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("annotated name '{n}' can't be nonlocal")
                        };
                        return Err(self.map.compile_error(msg, s.loc));
                    }
                    if *simple {
                        self.add_def(n, flags::ANNOT | flags::LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(n, flags::LOCAL, target.loc)?;
                    }
                } else {
                    self.target(target)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.annotation(annotation)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, flags::LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(&a.name),
                    };
                    self.add_def(bound, flags::IMPORT, a.loc)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let name = self.mangled(n);
                    let fl = self.cur().flags_of(&name);
                    if fl & (flags::PARAM | flags::LOCAL | flags::USE | flags::ANNOT) != 0 {
                        let msg = if fl & flags::PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if fl & flags::USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if fl & flags::ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(self.map.compile_error(msg, s.loc));
                    }
                    self.add_def(n, flags::GLOBAL, s.loc)?;
                    self.cur().directives.entry(name).or_insert(s.loc);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let name = self.mangled(n);
                    let fl = self.cur().flags_of(&name);
                    if fl & (flags::PARAM | flags::LOCAL | flags::USE | flags::ANNOT) != 0 {
                        let msg = if fl & flags::PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if fl & flags::USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if fl & flags::ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.map.compile_error(msg, s.loc));
                    }
                    self.add_def(n, flags::NONLOCAL, s.loc)?;
                    self.cur().directives.entry(name).or_insert(s.loc);
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Unsupported { .. } => {}
        }
        Ok(())
    }

    /// The names a pattern binds and the expressions inside it.
    fn pattern(&mut self, p: &Pattern) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || match &p.kind {
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                ps.iter().try_for_each(|q| self.pattern(q))
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                match rest {
                    Some(n) => self.add_def(n, flags::LOCAL, p.loc),
                    None => Ok(()),
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                kwd_patterns.iter().try_for_each(|q| self.pattern(q))
            }
            PatternKind::Star(name) => match name {
                Some(n) => self.add_def(n, flags::LOCAL, p.loc),
                None => Ok(()),
            },
            PatternKind::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                match name {
                    Some(n) => self.add_def(n, flags::LOCAL, p.loc),
                    None => Ok(()),
                }
            }
        })
    }

    fn defaults(&mut self, args: &Arguments) -> R {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> R {
        for a in args.all() {
            if let Some(ann) = &a.annotation {
                self.annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if !self.future_annotations {
            return self.expr(e);
        }
        match forbidden_in_annotation(e) {
            Some((what, loc)) => Err(self.map.compile_error(
                format!("'{what}' can not be used within an annotation"),
                loc,
            )),
            None => Ok(()),
        }
    }

    fn params(&mut self, args: &Arguments) -> R {
        for a in args.all() {
            self.add_def(&a.name, flags::PARAM, a.loc)?;
        }
        let cur = self.cur();
        cur.has_varargs = args.vararg.is_some();
        cur.has_varkeywords = args.kwarg.is_some();
        Ok(())
    }

    /// An assignment or `del` target.
    fn target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, flags::LOCAL, e.loc),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.target(t))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.map.compile_error(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.loc,
                    ));
                }
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.named_expr_target(n, target.loc)?;
                } else {
                    self.target(target)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                self.enter(ScopeKind::Lambda, "<lambda>", e.loc);
                self.params(args)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                self.exprs(elts)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt], false)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt], false)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt], true)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value], false)?,
            ExprKind::Await(v) => self.expr(v)?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.cur().is_generator = true;
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.cur().is_generator = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
            }
            ExprKind::JoinedStr(values) => self.exprs(values)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Name(n) => {
                self.add_def(n, flags::USE, e.loc)?;
                // A zero-argument super() needs the class cell.
                if n == "super" && self.cur().kind.is_function() {
                    self.add_def_mangled(
                        "__class__".to_owned(),
                        flags::USE,
                        e.loc,
                        self.stack.len() - 1,
                    )?;
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    /// Comprehension scope: the outermost iterable is visited in the
    /// enclosing scope, everything else inside the new function scope.
    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) -> R {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.comp_iter(&first.iter)?;
        self.enter(ScopeKind::Comprehension, name, e.loc);
        self.cur().is_generator = is_generator;
        self.add_def_mangled(".0".to_owned(), flags::PARAM, e.loc, self.stack.len() - 1)?;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.comp_iter(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for elt in elts {
            self.expr(elt)?;
        }
        self.exit();
        Ok(())
    }

    /// A comprehension's iterable, where `:=` is not allowed.
    fn comp_iter(&mut self, e: &Expr) -> R {
        self.cur().comp_iter_expr += 1;
        let r = self.expr(e);
        self.cur().comp_iter_expr -= 1;
        r
    }

    fn comp_target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, flags::LOCAL | flags::COMP_ITER, e.loc),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.comp_target(t))
            }
            ExprKind::Starred(inner) => self.comp_target(inner),
            _ => self.expr(e),
        }
    }

    /// `(x := v)` binds `x` in the nearest enclosing non-comprehension scope.
    fn named_expr_target(&mut self, n: &str, loc: Location) -> R {
        if self.cur().kind != ScopeKind::Comprehension {
            return self.add_def(n, flags::LOCAL, loc);
        }
        let name = self.mangled(n);
        let current = self.stack.len() - 1;
        for level in (0..self.stack.len()).rev() {
            let Some(table) = self.stack.get(level) else {
                break;
            };
            match table.kind {
                ScopeKind::Comprehension => {
                    if table.flags_of(&name) & flags::COMP_ITER != 0 {
                        return Err(self.map.compile_error(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{n}'"
                            ),
                            loc,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let fl = if table.flags_of(&name) & flags::GLOBAL != 0 {
                        flags::GLOBAL
                    } else {
                        flags::NONLOCAL
                    };
                    self.add_def_mangled(name.clone(), fl, loc, current)?;
                    self.stack
                        .get_mut(current)
                        .map(|t| t.directives.entry(name.clone()).or_insert(loc));
                    return self.add_def_mangled(name, flags::LOCAL, loc, level);
                }
                ScopeKind::Module => {
                    self.add_def_mangled(name.clone(), flags::GLOBAL, loc, current)?;
                    return self.add_def_mangled(name, flags::LOCAL, loc, level);
                }
                ScopeKind::Class => {
                    return Err(self.map.compile_error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        loc,
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The first yield, await or walrus inside a string annotation (CPython
/// rejects them there).
fn forbidden_in_annotation(e: &Expr) -> Option<(&'static str, Location)> {
    let what = match &e.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => Some("yield expression"),
        ExprKind::Await(_) => Some("await expression"),
        ExprKind::NamedExpr { .. } => Some("named expression"),
        _ => None,
    };
    if let Some(w) = what {
        return Some((w, e.loc));
    }
    let mut found = None;
    crate::ast::for_each_child(e, &mut |c| {
        if found.is_none() {
            found = forbidden_in_annotation(c);
        }
    });
    found
}

/// Resolves the scopes of `table` and its children (CPython's
/// `analyze_block`). `bound` is `None` at module level.
fn analyze(
    table: &mut SymbolTable,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    map: &SourceMap,
) -> R {
    stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
        analyze_inner(table, bound, free, global, map)
    })
}

fn analyze_inner(
    table: &mut SymbolTable,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    map: &SourceMap,
) -> R {
    let is_class = table.kind == ScopeKind::Class;
    let mut local = HashSet::new();
    let mut newglobal = HashSet::new();
    let mut newbound = HashSet::new();
    let mut newfree = HashSet::new();
    if is_class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let mut bound_here: Option<HashSet<String>> = bound.cloned();
    let names: Vec<String> = table.symbols.keys().cloned().collect();
    for name in names {
        let fl = table.flags_of(&name);
        let directive = table.directives.get(&name).copied().unwrap_or(table.loc);
        let scope = if fl & flags::GLOBAL != 0 {
            if fl & flags::NONLOCAL != 0 {
                return Err(
                    map.compile_error(format!("name '{name}' is nonlocal and global"), directive)
                );
            }
            global.insert(name.clone());
            if let Some(b) = bound_here.as_mut() {
                b.remove(&name);
            }
            SymbolScope::GlobalExplicit
        } else if fl & flags::NONLOCAL != 0 {
            match &bound_here {
                None => {
                    return Err(map.compile_error(
                        "nonlocal declaration not allowed at module level",
                        directive,
                    ))
                }
                Some(b) if !b.contains(&name) => {
                    return Err(map.compile_error(
                        format!("no binding for nonlocal '{name}' found"),
                        directive,
                    ))
                }
                Some(_) => {}
            }
            free.insert(name.clone());
            SymbolScope::Free
        } else if fl & flags::BOUND != 0 {
            local.insert(name.clone());
            global.remove(&name);
            SymbolScope::Local
        } else if bound_here.as_ref().is_some_and(|b| b.contains(&name)) {
            free.insert(name.clone());
            SymbolScope::Free
        } else {
            SymbolScope::GlobalImplicit
        };
        if let Some(sym) = table.symbols.get_mut(&name) {
            sym.scope = scope;
        }
    }
    if !is_class {
        if table.kind.is_function() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound_here {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_owned());
    }

    let mut allfree = HashSet::new();
    for child in &mut table.children {
        let mut child_free = newfree.clone();
        let mut child_global = newglobal.clone();
        analyze(
            child,
            Some(&newbound),
            &mut child_free,
            &mut child_global,
            map,
        )?;
        allfree.extend(child_free);
    }
    newfree.extend(allfree);

    if table.kind.is_function() {
        for (name, sym) in table.symbols.iter_mut() {
            if sym.scope == SymbolScope::Local && newfree.remove(name) {
                sym.scope = SymbolScope::Cell;
            }
        }
    } else if is_class && newfree.remove("__class__") {
        table.needs_class_closure = true;
    }

    // Free names of children that this scope does not bind pass through it.
    let mut passing: Vec<&String> = newfree.iter().collect();
    passing.sort();
    for name in passing {
        if let Some(sym) = table.symbols.get_mut(name) {
            if is_class && sym.flags & (flags::BOUND | flags::GLOBAL) != 0 {
                sym.flags |= flags::FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = &bound_here {
            if !b.contains(name) {
                continue;
            }
        } else {
            continue;
        }
        table.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                scope: SymbolScope::Free,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::mangle;

    /// Attribute names CPython 3.11 compiles `self.NAME` to inside `class CLASS`.
    #[test]
    fn mangling_matches_cpython() {
        let cases = [
            ("Ham", "__spam", "_Ham__spam"),
            ("_Ham", "__spam", "_Ham__spam"),
            ("__", "__x", "__x"),
            ("_A_", "__x", "_A___x"),
            ("Ham", "__x__", "__x__"),
            ("Ham", "_x", "_x"),
            ("Ham", "__", "__"),
            ("Ham", "___x", "_Ham___x"),
        ];
        for (class, name, expected) in cases {
            assert_eq!(mangle(Some(class), name), expected, "{class} {name}");
        }
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
