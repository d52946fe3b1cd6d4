//! `_ast` node objects back to the compiler's syntax tree, for
//! `compile(tree, filename, mode)`: reads each node's fields and positions
//! and checks what CPython's converter and validator check, with their
//! messages (a missing field, a wrong node type, a wrong expression
//! context, an empty body, mismatched lengths, an invalid constant).

use std::collections::HashMap;
use std::rc::Rc;

use rpy_compiler::ast::*;
use rpy_compiler::bytecode::Constant;
use rpy_vm::{Payload, PyRef, PyResult, Value, Vm};

use crate::node_table::NODES;
use crate::to_object::{binop_name, cmpop_name, unaryop_name, Ctx};

/// Nesting of nodes read before giving up, below the compiler's own limit.
const MAX_DEPTH: u32 = 2900;

/// Stack space to keep free before recursing, and to add when short.
const RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 1024 * 1024;

/// Reads node objects through the `_ast` module's classes.
pub(crate) struct Reader {
    module: Value,
    classes: HashMap<&'static str, Option<PyRef>>,
    depth: u32,
}

impl Reader {
    pub(crate) fn new(vm: &mut Vm) -> PyResult<Self> {
        Ok(Reader {
            module: vm.import_module("_ast")?,
            classes: HashMap::new(),
            depth: 0,
        })
    }

    fn class(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<Option<PyRef>> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = match vm.get_attr_str(&self.module, name)? {
            Value::Obj(o) => Some(o),
            _ => None,
        };
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    /// The `_ast` class `obj` is an instance of (the nearest in its MRO).
    fn node_name(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Option<&'static str>> {
        let cls = vm.class_of(obj);
        let mro = match &cls.payload {
            Payload::Type(t) => t.mro.borrow().clone(),
            _ => Vec::new(),
        };
        for c in mro {
            let name = match &c.payload {
                Payload::Type(t) => t.name.borrow().clone(),
                _ => continue,
            };
            let Some(node) = NODES.iter().find(|n| n.name == name) else {
                if name == "AST" {
                    return Ok(None);
                }
                continue;
            };
            if let Some(ours) = self.class(vm, node.name)? {
                if Rc::ptr_eq(&ours, &c) {
                    return Ok(Some(node.name));
                }
            }
        }
        Ok(None)
    }

    /// Whether `obj` is an instance of `_ast.AST`.
    pub(crate) fn is_ast(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<bool> {
        let Some(ast) = self.class(vm, "AST")? else {
            return Ok(false);
        };
        let cls = vm.class_of(obj);
        let mro = match &cls.payload {
            Payload::Type(t) => t.mro.borrow().clone(),
            _ => Vec::new(),
        };
        Ok(mro.iter().any(|c| Rc::ptr_eq(c, &ast)))
    }

    /// The concrete node class of `obj`, which must be of `category` (a
    /// base such as `expr`, or a class without subclasses such as `arg`).
    fn kind(&mut self, vm: &mut Vm, obj: &Value, category: &'static str) -> PyResult<&'static str> {
        if let Some(name) = self.node_name(vm, obj)? {
            let fits =
                name == category || NODES.iter().any(|n| n.name == name && n.base == category);
            if fits {
                return Ok(name);
            }
        }
        let r = vm.repr(obj)?;
        Err(vm.type_error(format!("expected some sort of {category}, but got {r}")))
    }

    /// One level deeper into a node of `category`.
    fn enter(&mut self, vm: &mut Vm, category: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(vm.recursion_error(format!(
                "maximum recursion depth exceeded while traversing '{category}' node"
            )));
        }
        Ok(())
    }

    /// A required field (or attribute).
    fn field(&mut self, vm: &mut Vm, obj: &Value, name: &str, owner: &str) -> PyResult<Value> {
        let key = vm.intern(name);
        match vm.get_attr_opt(obj, &key)? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: missing or None.
    fn opt_field(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = vm.intern(name);
        Ok(vm.get_attr_opt(obj, &key)?.filter(|v| !v.is_none()))
    }

    /// A list field (missing or None reads as empty, as in CPython).
    fn list(&mut self, vm: &mut Vm, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        let v = self.field(vm, obj, name, owner)?;
        match v.payload() {
            Some(Payload::List(items)) => Ok(items.borrow().clone()),
            _ => {
                let t = vm.type_name(&v);
                Err(vm.type_error(format!(
                    "{owner} field \"{name}\" must be a list, not a {t}"
                )))
            }
        }
    }

    fn int(&mut self, vm: &mut Vm, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            _ => {
                let r = vm.repr(v)?;
                Err(vm.value_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn int_field(&mut self, vm: &mut Vm, obj: &Value, name: &str, owner: &str) -> PyResult<i64> {
        let v = self.field(vm, obj, name, owner)?;
        self.int(vm, &v)
    }

    fn identifier(&mut self, vm: &mut Vm, v: &Value) -> PyResult<String> {
        match v.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(vm.type_error("AST identifier must be of type str")),
        }
    }

    fn ident_field(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<String> {
        let v = self.field(vm, obj, name, owner)?;
        if v.is_none() {
            return Err(vm.value_error(format!("field '{name}' is required for {owner}")));
        }
        self.identifier(vm, &v)
    }

    fn opt_ident(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<String>> {
        match self.opt_field(vm, obj, name)? {
            Some(v) => Ok(Some(self.identifier(vm, &v)?)),
            None => Ok(None),
        }
    }

    /// A node's positions (the `_attributes` of its `category`: `stmt`,
    /// `expr`, ...), read before its fields, as CPython does.
    fn loc(&mut self, vm: &mut Vm, obj: &Value, owner: &'static str) -> PyResult<Location> {
        let line = self.int_field(vm, obj, "lineno", owner)?;
        let col = self.int_field(vm, obj, "col_offset", owner)?;
        let end_line = match self.opt_field(vm, obj, "end_lineno")? {
            Some(v) => self.int(vm, &v)?,
            None => line,
        };
        let end_col = match self.opt_field(vm, obj, "end_col_offset")? {
            Some(v) => self.int(vm, &v)?,
            None => col,
        };
        let clamp = |x: i64| u32::try_from(x.max(0)).unwrap_or(u32::MAX);
        Ok(Location {
            line: clamp(line),
            end_line: clamp(end_line),
            col: clamp(col),
            end_col: clamp(end_col),
        })
    }

    /// The tree of a whole module for `mode`.
    pub(crate) fn module(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        mode: rpy_compiler::Mode,
    ) -> PyResult<Module> {
        let expected = match mode {
            rpy_compiler::Mode::Exec => "Module",
            rpy_compiler::Mode::Eval => "Expression",
            rpy_compiler::Mode::Single => "Interactive",
        };
        if self.node_name(vm, obj)? != Some(expected) {
            let t = vm.type_name(obj);
            return Err(vm.type_error(format!("expected {expected} node, got {t}")));
        }
        match mode {
            rpy_compiler::Mode::Exec => {
                let body = self.stmts(vm, obj, "body", "Module")?;
                self.list(vm, obj, "type_ignores", "Module")?;
                Ok(Module::Exec(body))
            }
            rpy_compiler::Mode::Single => Ok(Module::Single(self.stmts(
                vm,
                obj,
                "body",
                "Interactive",
            )?)),
            rpy_compiler::Mode::Eval => Ok(Module::Eval(self.req_expr(
                vm,
                obj,
                "body",
                "Expression",
                Ctx::Load,
            )?)),
        }
    }

    fn stmts(&mut self, vm: &mut Vm, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let items = self.list(vm, obj, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for s in &items {
            out.push(self.stmt(vm, s)?);
        }
        Ok(out)
    }

    /// A statement list that must not be empty.
    fn body(&mut self, vm: &mut Vm, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Stmt>> {
        let body = self.stmts(vm, obj, name, owner)?;
        if body.is_empty() {
            return Err(vm.value_error(format!("empty {name} on {owner}")));
        }
        Ok(body)
    }

    fn exprs(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: &str,
        owner: &str,
        ctx: Ctx,
    ) -> PyResult<Vec<Expr>> {
        let items = self.list(vm, obj, name, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for e in &items {
            if e.is_none() {
                return Err(vm.value_error("None disallowed in expression list"));
            }
            out.push(self.expr(vm, e, ctx)?);
        }
        Ok(out)
    }

    fn req_expr(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: &str,
        owner: &str,
        ctx: Ctx,
    ) -> PyResult<Expr> {
        let v = self.field(vm, obj, name, owner)?;
        if v.is_none() {
            return Err(vm.value_error(format!("field '{name}' is required for {owner}")));
        }
        self.expr(vm, &v, ctx)
    }

    fn opt_expr(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: &str,
        ctx: Ctx,
    ) -> PyResult<Option<Expr>> {
        match self.opt_field(vm, obj, name)? {
            Some(v) => Ok(Some(self.expr(vm, &v, ctx)?)),
            None => Ok(None),
        }
    }

    fn box_expr(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        name: &str,
        owner: &str,
        ctx: Ctx,
    ) -> PyResult<Box<Expr>> {
        Ok(Box::new(self.req_expr(vm, obj, name, owner, ctx)?))
    }

    fn opt_box(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Box<Expr>>> {
        Ok(self.opt_expr(vm, obj, name, Ctx::Load)?.map(Box::new))
    }

    fn stmt(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Stmt> {
        self.enter(vm, "stmt")?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_inner(vm, obj));
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Stmt> {
        use Ctx::*;
        let loc = self.loc(vm, obj, "stmt")?;
        let name = self.kind(vm, obj, "stmt")?;
        let kind = match name {
            "FunctionDef" | "AsyncFunctionDef" => StmtKind::FunctionDef(Box::new(FunctionDef {
                name: self.ident_field(vm, obj, "name", name)?,
                args: self.arguments_field(vm, obj, name)?,
                body: self.body(vm, obj, "body", name)?,
                decorators: self.exprs(vm, obj, "decorator_list", name, Load)?,
                returns: self.opt_expr(vm, obj, "returns", Load)?,
                is_async: name == "AsyncFunctionDef",
            })),
            "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
                name: self.ident_field(vm, obj, "name", name)?,
                bases: self.exprs(vm, obj, "bases", name, Load)?,
                keywords: self.keywords(vm, obj, name)?,
                body: self.body(vm, obj, "body", name)?,
                decorators: self.exprs(vm, obj, "decorator_list", name, Load)?,
            })),
            "Return" => StmtKind::Return(self.opt_expr(vm, obj, "value", Load)?),
            "Delete" => {
                let targets = self.exprs(vm, obj, "targets", name, Del)?;
                if targets.is_empty() {
                    return Err(vm.value_error("empty targets on Delete"));
                }
                StmtKind::Delete(targets)
            }
            "Assign" => {
                let targets = self.exprs(vm, obj, "targets", name, Store)?;
                if targets.is_empty() {
                    return Err(vm.value_error("empty targets on Assign"));
                }
                StmtKind::Assign {
                    targets,
                    value: self.req_expr(vm, obj, "value", name, Load)?,
                }
            }
            "AugAssign" => StmtKind::AugAssign {
                target: self.req_expr(vm, obj, "target", name, Store)?,
                op: self.binop(vm, obj, name)?,
                value: self.req_expr(vm, obj, "value", name, Load)?,
            },
            "AnnAssign" => StmtKind::AnnAssign {
                target: self.req_expr(vm, obj, "target", name, Store)?,
                annotation: self.req_expr(vm, obj, "annotation", name, Load)?,
                value: self.opt_expr(vm, obj, "value", Load)?,
                simple: self.int_field(vm, obj, "simple", name)? != 0,
            },
            "For" | "AsyncFor" => StmtKind::For {
                target: self.req_expr(vm, obj, "target", name, Store)?,
                iter: self.req_expr(vm, obj, "iter", name, Load)?,
                body: self.body(vm, obj, "body", name)?,
                orelse: self.stmts(vm, obj, "orelse", name)?,
                is_async: name == "AsyncFor",
            },
            "While" | "If" => {
                let test = self.req_expr(vm, obj, "test", name, Load)?;
                let body = self.body(vm, obj, "body", name)?;
                let orelse = self.stmts(vm, obj, "orelse", name)?;
                if name == "While" {
                    StmtKind::While { test, body, orelse }
                } else {
                    StmtKind::If { test, body, orelse }
                }
            }
            "With" | "AsyncWith" => {
                let items = self.list(vm, obj, "items", name)?;
                if items.is_empty() {
                    return Err(vm.value_error(format!("empty items on {name}")));
                }
                let mut out = Vec::with_capacity(items.len());
                for item in &items {
                    self.kind(vm, item, "withitem")?;
                    out.push(WithItem {
                        context_expr: self.req_expr(vm, item, "context_expr", "withitem", Load)?,
                        optional_vars: self.opt_expr(vm, item, "optional_vars", Store)?,
                    });
                }
                StmtKind::With {
                    items: out,
                    body: self.body(vm, obj, "body", name)?,
                    is_async: name == "AsyncWith",
                }
            }
            "Raise" => {
                let exc = self.opt_expr(vm, obj, "exc", Load)?;
                let cause = self.opt_expr(vm, obj, "cause", Load)?;
                if exc.is_none() && cause.is_some() {
                    return Err(vm.value_error("Raise with cause but no exception"));
                }
                StmtKind::Raise { exc, cause }
            }
            "Try" | "TryStar" => {
                let body = self.body(vm, obj, "body", name)?;
                let hs = self.list(vm, obj, "handlers", name)?;
                let mut handlers = Vec::with_capacity(hs.len());
                for h in &hs {
                    handlers.push(self.handler(vm, h)?);
                }
                let orelse = self.stmts(vm, obj, "orelse", name)?;
                let finalbody = self.stmts(vm, obj, "finalbody", name)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(
                        vm.value_error(format!("{name} has neither except handlers nor finalbody"))
                    );
                }
                if handlers.is_empty() && !orelse.is_empty() {
                    return Err(vm.value_error(format!("{name} has orelse but no except handlers")));
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    star: name == "TryStar",
                }
            }
            "Assert" => StmtKind::Assert {
                test: self.req_expr(vm, obj, "test", name, Load)?,
                msg: self.opt_expr(vm, obj, "msg", Load)?,
            },
            "Import" => {
                let names = self.aliases(vm, obj, name)?;
                if names.is_empty() {
                    return Err(vm.value_error("empty names on Import"));
                }
                StmtKind::Import(names)
            }
            "ImportFrom" => {
                let module = self.opt_ident(vm, obj, "module")?;
                let names = self.aliases(vm, obj, name)?;
                let level = match self.opt_field(vm, obj, "level")? {
                    Some(v) => self.int(vm, &v)?,
                    None => 0,
                };
                if level < 0 {
                    return Err(vm.value_error("Negative ImportFrom level"));
                }
                if names.is_empty() {
                    return Err(vm.value_error("empty names on ImportFrom"));
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: u32::try_from(level).unwrap_or(u32::MAX),
                }
            }
            "Global" | "Nonlocal" => {
                let items = self.list(vm, obj, "names", name)?;
                let mut names = Vec::with_capacity(items.len());
                for n in &items {
                    names.push(self.identifier(vm, n)?);
                }
                if names.is_empty() {
                    return Err(vm.value_error(format!("empty names on {name}")));
                }
                if name == "Global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            "Expr" => StmtKind::Expr(self.req_expr(vm, obj, "value", name, Load)?),
            "Match" => {
                let subject = self.req_expr(vm, obj, "subject", name, Load)?;
                let cs = self.list(vm, obj, "cases", name)?;
                if cs.is_empty() {
                    return Err(vm.value_error("empty cases on Match"));
                }
                let mut cases = Vec::with_capacity(cs.len());
                for c in &cs {
                    self.kind(vm, c, "match_case")?;
                    let pattern = self.field(vm, c, "pattern", "match_case")?;
                    cases.push(MatchCase {
                        pattern: self.pattern(vm, &pattern)?,
                        guard: self.opt_expr(vm, c, "guard", Load)?,
                        body: self.body(vm, c, "body", "match_case")?,
                    });
                }
                StmtKind::Match { subject, cases }
            }
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            _ => StmtKind::Continue,
        };
        Ok(Stmt { loc, kind })
    }

    fn handler(&mut self, vm: &mut Vm, h: &Value) -> PyResult<ExceptHandler> {
        let loc = self.loc(vm, h, "excepthandler")?;
        self.kind(vm, h, "excepthandler")?;
        Ok(ExceptHandler {
            loc,
            type_: self.opt_expr(vm, h, "type", Ctx::Load)?,
            name: self.opt_ident(vm, h, "name")?,
            body: self.body(vm, h, "body", "ExceptHandler")?,
        })
    }

    fn aliases(&mut self, vm: &mut Vm, obj: &Value, owner: &str) -> PyResult<Vec<Alias>> {
        let items = self.list(vm, obj, "names", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for a in &items {
            let loc = self.loc(vm, a, "alias")?;
            self.kind(vm, a, "alias")?;
            out.push(Alias {
                loc,
                name: self.ident_field(vm, a, "name", "alias")?,
                asname: self.opt_ident(vm, a, "asname")?,
            });
        }
        Ok(out)
    }

    fn keywords(&mut self, vm: &mut Vm, obj: &Value, owner: &str) -> PyResult<Vec<Keyword>> {
        let items = self.list(vm, obj, "keywords", owner)?;
        let mut out = Vec::with_capacity(items.len());
        for k in &items {
            let loc = self.loc(vm, k, "keyword")?;
            self.kind(vm, k, "keyword")?;
            out.push(Keyword {
                loc,
                arg: self.opt_ident(vm, k, "arg")?,
                value: self.req_expr(vm, k, "value", "keyword", Ctx::Load)?,
            });
        }
        Ok(out)
    }

    fn arg(&mut self, vm: &mut Vm, a: &Value) -> PyResult<Arg> {
        let loc = self.loc(vm, a, "arg")?;
        self.kind(vm, a, "arg")?;
        Ok(Arg {
            loc,
            name: self.ident_field(vm, a, "arg", "arg")?,
            annotation: self.opt_expr(vm, a, "annotation", Ctx::Load)?,
        })
    }

    fn args(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Vec<Arg>> {
        let items = self.list(vm, obj, name, "arguments")?;
        let mut out = Vec::with_capacity(items.len());
        for a in &items {
            out.push(self.arg(vm, a)?);
        }
        Ok(out)
    }

    fn opt_arg(&mut self, vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Arg>> {
        match self.opt_field(vm, obj, name)? {
            Some(a) => Ok(Some(self.arg(vm, &a)?)),
            None => Ok(None),
        }
    }

    fn arguments_field(&mut self, vm: &mut Vm, obj: &Value, owner: &str) -> PyResult<Arguments> {
        let a = self.field(vm, obj, "args", owner)?;
        if a.is_none() {
            return Err(vm.value_error(format!("field 'args' is required for {owner}")));
        }
        self.kind(vm, &a, "arguments")?;
        let posonlyargs = self.args(vm, &a, "posonlyargs")?;
        let args = self.args(vm, &a, "args")?;
        let vararg = self.opt_arg(vm, &a, "vararg")?;
        let kwonlyargs = self.args(vm, &a, "kwonlyargs")?;
        let kd = self.list(vm, &a, "kw_defaults", "arguments")?;
        let mut kw_defaults = Vec::with_capacity(kd.len());
        for d in &kd {
            kw_defaults.push(if d.is_none() {
                None
            } else {
                Some(self.expr(vm, d, Ctx::Load)?)
            });
        }
        let kwarg = self.opt_arg(vm, &a, "kwarg")?;
        let defaults = self.exprs(vm, &a, "defaults", "arguments", Ctx::Load)?;
        if defaults.len() > posonlyargs.len() + args.len() {
            return Err(vm.value_error("more positional defaults than args on arguments"));
        }
        if kw_defaults.len() != kwonlyargs.len() {
            return Err(
                vm.value_error("length of kwonlyargs is not the same as kw_defaults on arguments")
            );
        }
        Ok(Arguments {
            posonlyargs,
            args,
            defaults,
            vararg,
            kwonlyargs,
            kw_defaults,
            kwarg,
        })
    }

    /// The singleton-class operand of `field` (an operator or context).
    fn op_name(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        field: &str,
        owner: &str,
        category: &'static str,
    ) -> PyResult<&'static str> {
        let v = self.field(vm, obj, field, owner)?;
        self.kind(vm, &v, category)
    }

    fn binop(&mut self, vm: &mut Vm, obj: &Value, owner: &str) -> PyResult<BinaryOperator> {
        use BinaryOperator::*;
        let name = self.op_name(vm, obj, "op", owner, "operator")?;
        let all = [
            Add,
            Subtract,
            Multiply,
            MatMultiply,
            TrueDivide,
            FloorDivide,
            Modulo,
            Power,
            LShift,
            RShift,
            And,
            Or,
            Xor,
        ];
        Ok(all
            .into_iter()
            .find(|op| binop_name(*op) == name)
            .unwrap_or(Add))
    }

    fn expr(&mut self, vm: &mut Vm, obj: &Value, ctx: Ctx) -> PyResult<Expr> {
        self.enter(vm, "expr")?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_inner(vm, obj, ctx));
        self.depth -= 1;
        r
    }

    /// Checks the `ctx` field of a node that has one.
    fn check_ctx(&mut self, vm: &mut Vm, obj: &Value, owner: &str, expected: Ctx) -> PyResult<()> {
        let actual = self.op_name(vm, obj, "ctx", owner, "expr_context")?;
        let expected = match expected {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        };
        if actual != expected {
            return Err(vm.value_error(format!(
                "expression must have {expected} context but has {actual} instead"
            )));
        }
        Ok(())
    }

    fn comprehensions(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        owner: &str,
    ) -> PyResult<Vec<Comprehension>> {
        let items = self.list(vm, obj, "generators", owner)?;
        if items.is_empty() {
            return Err(vm.value_error("comprehension with no generators"));
        }
        let mut out = Vec::with_capacity(items.len());
        for g in &items {
            self.kind(vm, g, "comprehension")?;
            out.push(Comprehension {
                target: self.req_expr(vm, g, "target", "comprehension", Ctx::Store)?,
                iter: self.req_expr(vm, g, "iter", "comprehension", Ctx::Load)?,
                ifs: self.exprs(vm, g, "ifs", "comprehension", Ctx::Load)?,
                is_async: self.int_field(vm, g, "is_async", "comprehension")? != 0,
            });
        }
        Ok(out)
    }

    fn expr_inner(&mut self, vm: &mut Vm, obj: &Value, ctx: Ctx) -> PyResult<Expr> {
        use Ctx::Load;
        let loc = self.loc(vm, obj, "expr")?;
        let name = self.kind(vm, obj, "expr")?;
        let kind = match name {
            "BoolOp" => {
                let op = match self.op_name(vm, obj, "op", name, "boolop")? {
                    "And" => BoolOp::And,
                    _ => BoolOp::Or,
                };
                let values = self.exprs(vm, obj, "values", name, Load)?;
                if values.len() < 2 {
                    return Err(vm.value_error("BoolOp with less than 2 values"));
                }
                ExprKind::BoolOp { op, values }
            }
            "NamedExpr" => ExprKind::NamedExpr {
                target: self.box_expr(vm, obj, "target", name, Ctx::Store)?,
                value: self.box_expr(vm, obj, "value", name, Load)?,
            },
            "BinOp" => ExprKind::BinOp {
                left: self.box_expr(vm, obj, "left", name, Load)?,
                op: self.binop(vm, obj, name)?,
                right: self.box_expr(vm, obj, "right", name, Load)?,
            },
            "UnaryOp" => {
                let op_name = self.op_name(vm, obj, "op", name, "unaryop")?;
                let op = [
                    UnaryOperator::Not,
                    UnaryOperator::Negative,
                    UnaryOperator::Positive,
                    UnaryOperator::Invert,
                ]
                .into_iter()
                .find(|op| unaryop_name(*op) == op_name)
                .unwrap_or(UnaryOperator::Not);
                ExprKind::UnaryOp {
                    op,
                    operand: self.box_expr(vm, obj, "operand", name, Load)?,
                }
            }
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.arguments_field(vm, obj, name)?),
                body: self.box_expr(vm, obj, "body", name, Load)?,
            },
            "IfExp" => ExprKind::IfExp {
                test: self.box_expr(vm, obj, "test", name, Load)?,
                body: self.box_expr(vm, obj, "body", name, Load)?,
                orelse: self.box_expr(vm, obj, "orelse", name, Load)?,
            },
            "Dict" => {
                let ks = self.list(vm, obj, "keys", name)?;
                let mut keys = Vec::with_capacity(ks.len());
                for k in &ks {
                    keys.push(if k.is_none() {
                        None
                    } else {
                        Some(self.expr(vm, k, Load)?)
                    });
                }
                let values = self.exprs(vm, obj, "values", name, Load)?;
                if keys.len() != values.len() {
                    return Err(
                        vm.value_error("Dict doesn't have the same number of keys as values")
                    );
                }
                ExprKind::Dict { keys, values }
            }
            "Set" => ExprKind::Set(self.exprs(vm, obj, "elts", name, Load)?),
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = self.box_expr(vm, obj, "elt", name, Load)?;
                let generators = self.comprehensions(vm, obj, name)?;
                match name {
                    "ListComp" => ExprKind::ListComp { elt, generators },
                    "SetComp" => ExprKind::SetComp { elt, generators },
                    _ => ExprKind::GeneratorExp { elt, generators },
                }
            }
            "DictComp" => ExprKind::DictComp {
                key: self.box_expr(vm, obj, "key", name, Load)?,
                value: self.box_expr(vm, obj, "value", name, Load)?,
                generators: self.comprehensions(vm, obj, name)?,
            },
            "Await" => ExprKind::Await(self.box_expr(vm, obj, "value", name, Load)?),
            "Yield" => ExprKind::Yield(self.opt_box(vm, obj, "value")?),
            "YieldFrom" => ExprKind::YieldFrom(self.box_expr(vm, obj, "value", name, Load)?),
            "Compare" => {
                let left = self.box_expr(vm, obj, "left", name, Load)?;
                let os = self.list(vm, obj, "ops", name)?;
                let mut ops = Vec::with_capacity(os.len());
                let all = [
                    CmpOp::Eq,
                    CmpOp::NotEq,
                    CmpOp::Lt,
                    CmpOp::LtE,
                    CmpOp::Gt,
                    CmpOp::GtE,
                    CmpOp::Is,
                    CmpOp::IsNot,
                    CmpOp::In,
                    CmpOp::NotIn,
                ];
                for o in &os {
                    let n = self.kind(vm, o, "cmpop")?;
                    ops.push(
                        all.into_iter()
                            .find(|op| cmpop_name(*op) == n)
                            .unwrap_or(CmpOp::Eq),
                    );
                }
                let comparators = self.exprs(vm, obj, "comparators", name, Load)?;
                if comparators.is_empty() {
                    return Err(vm.value_error("Compare with no comparators"));
                }
                if comparators.len() != ops.len() {
                    return Err(vm.value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                ExprKind::Compare {
                    left,
                    ops,
                    comparators,
                }
            }
            "Call" => ExprKind::Call {
                func: self.box_expr(vm, obj, "func", name, Load)?,
                args: self.exprs(vm, obj, "args", name, Load)?,
                keywords: self.keywords(vm, obj, name)?,
            },
            "FormattedValue" => {
                let value = self.box_expr(vm, obj, "value", name, Load)?;
                let conversion = match self.int_field(vm, obj, "conversion", name)? {
                    115 => Conversion::Str,
                    114 => Conversion::Repr,
                    97 => Conversion::Ascii,
                    _ => Conversion::None,
                };
                ExprKind::FormattedValue {
                    value,
                    conversion,
                    format_spec: self.opt_box(vm, obj, "format_spec")?,
                }
            }
            "JoinedStr" => ExprKind::JoinedStr(self.exprs(vm, obj, "values", name, Load)?),
            "Constant" => {
                let v = self.field(vm, obj, "value", name)?;
                if let Some(k) = self.opt_field(vm, obj, "kind")? {
                    if k.as_str().is_none() {
                        return Err(vm.type_error("AST string must be of type str"));
                    }
                }
                ExprKind::Constant(self.constant(vm, &v)?)
            }
            "Attribute" => {
                let value = self.box_expr(vm, obj, "value", name, Load)?;
                let attr = self.ident_field(vm, obj, "attr", name)?;
                self.check_ctx(vm, obj, name, ctx)?;
                ExprKind::Attribute { value, attr }
            }
            "Subscript" => {
                let value = self.box_expr(vm, obj, "value", name, Load)?;
                let slice = self.box_expr(vm, obj, "slice", name, Load)?;
                self.check_ctx(vm, obj, name, ctx)?;
                ExprKind::Subscript { value, slice }
            }
            "Starred" => {
                let value = self.box_expr(vm, obj, "value", name, ctx)?;
                self.check_ctx(vm, obj, name, ctx)?;
                ExprKind::Starred(value)
            }
            "Name" => {
                let id = self.ident_field(vm, obj, "id", name)?;
                self.check_ctx(vm, obj, name, ctx)?;
                if ctx != Load && matches!(id.as_str(), "None" | "True" | "False") {
                    return Err(
                        vm.value_error(format!("identifier field can't represent '{id}' constant"))
                    );
                }
                ExprKind::Name(id)
            }
            "List" | "Tuple" => {
                let elts = self.exprs(vm, obj, "elts", name, ctx)?;
                self.check_ctx(vm, obj, name, ctx)?;
                if name == "List" {
                    ExprKind::List(elts)
                } else {
                    ExprKind::Tuple(elts)
                }
            }
            _ => ExprKind::Slice {
                lower: self.opt_box(vm, obj, "lower")?,
                upper: self.opt_box(vm, obj, "upper")?,
                step: self.opt_box(vm, obj, "step")?,
            },
        };
        if ctx != Load
            && !matches!(
                kind,
                ExprKind::Attribute { .. }
                    | ExprKind::Subscript { .. }
                    | ExprKind::Starred(_)
                    | ExprKind::Name(_)
                    | ExprKind::List(_)
                    | ExprKind::Tuple(_)
            )
        {
            let what = if ctx == Ctx::Store { "Store" } else { "Del" };
            return Err(vm.value_error(format!(
                "expression which can't be assigned to in {what} context"
            )));
        }
        Ok(Expr { loc, kind })
    }

    /// A `Constant`'s value: None, Ellipsis, bool, int, float, complex,
    /// str, bytes, or a tuple of those.
    fn constant(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Constant> {
        Ok(match v {
            Value::None => Constant::None,
            Value::Bool(b) => Constant::Bool(*b),
            Value::Int(i) => Constant::Int(*i),
            Value::Float(f) => Constant::Float(*f),
            Value::Obj(o) => {
                let exact = |vm: &mut Vm, t: &PyRef| Rc::ptr_eq(&vm.class_of(v), t);
                match &o.payload {
                    _ if Rc::ptr_eq(o, &vm.ellipsis) => Constant::Ellipsis,
                    Payload::Int(i) if exact(vm, &vm.types.int.clone()) => {
                        Constant::BigInt(i.clone())
                    }
                    Payload::Complex(r, i) => Constant::Complex { real: *r, imag: *i },
                    Payload::Str(s) => Constant::Str(s.as_str().to_owned()),
                    Payload::Bytes(b) => Constant::Bytes(b.clone()),
                    Payload::Tuple(items) => {
                        let mut out = Vec::with_capacity(items.len());
                        for i in items {
                            out.push(self.constant(vm, i)?);
                        }
                        Constant::Tuple(out)
                    }
                    Payload::FrozenSet(_) => {
                        return Err(vm.not_implemented_error(
                            "frozenset constants in a syntax tree are not supported by rpy",
                        ))
                    }
                    _ => return Err(self.invalid_constant(vm, v)),
                }
            }
        })
    }

    fn invalid_constant(&mut self, vm: &mut Vm, v: &Value) -> rpy_vm::PyErr {
        let t = vm.type_name(v);
        vm.type_error(format!("got an invalid type in Constant: {t}"))
    }

    fn pattern(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Pattern> {
        self.enter(vm, "pattern")?;
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.pattern_inner(vm, obj));
        self.depth -= 1;
        r
    }

    fn patterns(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        field: &str,
        owner: &str,
    ) -> PyResult<Vec<Pattern>> {
        let items = self.list(vm, obj, field, owner)?;
        let mut out = Vec::with_capacity(items.len());
        for p in &items {
            out.push(self.pattern(vm, p)?);
        }
        Ok(out)
    }

    fn pattern_inner(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Pattern> {
        let loc = self.loc(vm, obj, "pattern")?;
        let name = self.kind(vm, obj, "pattern")?;
        let kind = match name {
            "MatchValue" => PatternKind::Value(self.req_expr(vm, obj, "value", name, Ctx::Load)?),
            "MatchSingleton" => {
                let v = self.field(vm, obj, "value", name)?;
                match v {
                    Value::None | Value::Bool(_) => PatternKind::Singleton(self.constant(vm, &v)?),
                    _ => {
                        return Err(
                            vm.value_error("MatchSingleton can only contain True, False and None")
                        )
                    }
                }
            }
            "MatchSequence" => PatternKind::Sequence(self.patterns(vm, obj, "patterns", name)?),
            "MatchMapping" => {
                let keys = self.exprs(vm, obj, "keys", name, Ctx::Load)?;
                let patterns = self.patterns(vm, obj, "patterns", name)?;
                if keys.len() != patterns.len() {
                    return Err(vm.value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                PatternKind::Mapping {
                    keys,
                    patterns,
                    rest: self.opt_ident(vm, obj, "rest")?,
                }
            }
            "MatchClass" => {
                let cls = self.req_expr(vm, obj, "cls", name, Ctx::Load)?;
                let patterns = self.patterns(vm, obj, "patterns", name)?;
                let attrs = self.list(vm, obj, "kwd_attrs", name)?;
                let mut kwd_attrs = Vec::with_capacity(attrs.len());
                for a in &attrs {
                    kwd_attrs.push(self.identifier(vm, a)?);
                }
                let kwd_patterns = self.patterns(vm, obj, "kwd_patterns", name)?;
                if kwd_attrs.len() != kwd_patterns.len() {
                    return Err(vm.value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                PatternKind::Class {
                    cls,
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                }
            }
            "MatchStar" => PatternKind::Star(self.opt_ident(vm, obj, "name")?),
            "MatchAs" => {
                let pattern = match self.opt_field(vm, obj, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(vm, &p)?)),
                    None => None,
                };
                let name_ = self.opt_ident(vm, obj, "name")?;
                if pattern.is_some() && name_.is_none() {
                    return Err(
                        vm.value_error("MatchAs must specify a target name if a pattern is given")
                    );
                }
                PatternKind::As {
                    pattern,
                    name: name_,
                }
            }
            _ => {
                let ps = self.patterns(vm, obj, "patterns", name)?;
                if ps.len() < 2 {
                    return Err(vm.value_error("MatchOr requires at least 2 patterns"));
                }
                PatternKind::Or(ps)
            }
        };
        Ok(Pattern { loc, kind })
    }
}
