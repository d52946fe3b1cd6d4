//! The compiler's syntax tree to `_ast` node objects (what `ast.parse`
//! returns): fields as CPython 3.11 fills them, positions
//! (`lineno`, `col_offset` in UTF-8 bytes, `end_lineno`, `end_col_offset`),
//! expression contexts (`Load`/`Store`/`Del`, one instance each per tree,
//! like the operators) and a string constant's `kind` (`'u'` for a
//! `u"..."` literal).

use std::collections::HashMap;

use rpy_compiler::ast::*;
use rpy_compiler::bytecode::Constant;
use rpy_vm::{Payload, PyResult, Value, Vm};

/// How an expression is used, as CPython's `expr_context`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn class(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
}

/// Builds node objects from the `_ast` module's classes.
pub(crate) struct Builder<'s> {
    module: Value,
    classes: HashMap<&'static str, Value>,
    /// The singletons (contexts and operators), by class name.
    singletons: HashMap<&'static str, Value>,
    /// The parsed source and its line starts (for string prefixes).
    source: &'s str,
    line_starts: Vec<usize>,
}

/// Stack space to keep free before recursing, and to add when short.
const RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 1024 * 1024;

impl<'s> Builder<'s> {
    pub(crate) fn new(vm: &mut Vm, source: &'s str) -> PyResult<Self> {
        let module = vm.import_module("_ast")?;
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Ok(Builder {
            module,
            classes: HashMap::new(),
            singletons: HashMap::new(),
            source,
            line_starts,
        })
    }

    fn class(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<Value> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = vm.get_attr_str(&self.module, name)?;
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    /// A node of class `name` with `fields` and, if given, a position.
    fn node(
        &mut self,
        vm: &mut Vm,
        name: &'static str,
        fields: Vec<(&'static str, Value)>,
        loc: Option<Location>,
    ) -> PyResult<Value> {
        let cls = self.class(vm, name)?;
        let obj = vm.call(&cls, &[])?;
        for (k, v) in fields {
            let k = vm.intern(k);
            vm.set_attr(&obj, &k, v)?;
        }
        if let Some(loc) = loc {
            for (k, v) in [
                ("lineno", loc.line),
                ("col_offset", loc.col),
                ("end_lineno", loc.end_line),
                ("end_col_offset", loc.end_col),
            ] {
                let k = vm.intern(k);
                vm.set_attr(&obj, &k, Value::Int(i64::from(v)))?;
            }
        }
        Ok(obj)
    }

    /// The shared instance of a field-less class (a context or operator).
    fn singleton(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<Value> {
        if let Some(v) = self.singletons.get(name) {
            return Ok(v.clone());
        }
        let v = self.node(vm, name, Vec::new(), None)?;
        self.singletons.insert(name, v.clone());
        Ok(v)
    }

    fn str(vm: &mut Vm, s: &str) -> Value {
        vm.str_val(s)
    }

    fn opt_str(vm: &mut Vm, s: &Option<String>) -> Value {
        match s {
            Some(s) => vm.str_val(s.as_str()),
            None => Value::None,
        }
    }

    fn names(vm: &mut Vm, names: &[String]) -> Value {
        let items = names.iter().map(|n| vm.str_val(n.as_str())).collect();
        vm.new_list(items)
    }

    /// The whole tree of a parsed module.
    pub(crate) fn module(&mut self, vm: &mut Vm, m: &Module) -> PyResult<Value> {
        match m {
            Module::Exec(body) => {
                let body = self.stmts(vm, body)?;
                let ignores = vm.new_list(Vec::new());
                self.node(
                    vm,
                    "Module",
                    vec![("body", body), ("type_ignores", ignores)],
                    None,
                )
            }
            Module::Single(body) => {
                let body = self.stmts(vm, body)?;
                self.node(vm, "Interactive", vec![("body", body)], None)
            }
            Module::Eval(e) => {
                let body = self.expr(vm, e, Ctx::Load)?;
                self.node(vm, "Expression", vec![("body", body)], None)
            }
        }
    }

    /// A `FunctionType` node (`func_type` mode).
    pub(crate) fn function_type(
        &mut self,
        vm: &mut Vm,
        argtypes: &[Expr],
        returns: &Expr,
    ) -> PyResult<Value> {
        let argtypes = self.exprs(vm, argtypes, Ctx::Load)?;
        let returns = self.expr(vm, returns, Ctx::Load)?;
        self.node(
            vm,
            "FunctionType",
            vec![("argtypes", argtypes), ("returns", returns)],
            None,
        )
    }

    fn stmts(&mut self, vm: &mut Vm, body: &[Stmt]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(body.len());
        for s in body {
            items.push(self.stmt(vm, s)?);
        }
        Ok(vm.new_list(items))
    }

    fn exprs(&mut self, vm: &mut Vm, es: &[Expr], ctx: Ctx) -> PyResult<Value> {
        let mut items = Vec::with_capacity(es.len());
        for e in es {
            items.push(self.expr(vm, e, ctx)?);
        }
        Ok(vm.new_list(items))
    }

    fn opt_expr(&mut self, vm: &mut Vm, e: Option<&Expr>, ctx: Ctx) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(vm, e, ctx),
            None => Ok(Value::None),
        }
    }

    fn stmt(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_inner(vm, s))
    }

    fn stmt_inner(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult<Value> {
        use Ctx::*;
        let loc = Some(s.loc);
        let (name, fields): (&'static str, Vec<(&'static str, Value)>) = match &s.kind {
            StmtKind::FunctionDef(f) => {
                let name = Self::str(vm, &f.name);
                let args = self.arguments(vm, &f.args)?;
                let body = self.stmts(vm, &f.body)?;
                let decorators = self.exprs(vm, &f.decorators, Load)?;
                let returns = self.opt_expr(vm, f.returns.as_ref(), Load)?;
                (
                    if f.is_async {
                        "AsyncFunctionDef"
                    } else {
                        "FunctionDef"
                    },
                    vec![
                        ("name", name),
                        ("args", args),
                        ("body", body),
                        ("decorator_list", decorators),
                        ("returns", returns),
                        ("type_comment", Value::None),
                    ],
                )
            }
            StmtKind::ClassDef(c) => {
                let name = Self::str(vm, &c.name);
                let bases = self.exprs(vm, &c.bases, Load)?;
                let keywords = self.keywords(vm, &c.keywords)?;
                let body = self.stmts(vm, &c.body)?;
                let decorators = self.exprs(vm, &c.decorators, Load)?;
                (
                    "ClassDef",
                    vec![
                        ("name", name),
                        ("bases", bases),
                        ("keywords", keywords),
                        ("body", body),
                        ("decorator_list", decorators),
                    ],
                )
            }
            StmtKind::Return(v) => (
                "Return",
                vec![("value", self.opt_expr(vm, v.as_ref(), Load)?)],
            ),
            StmtKind::Delete(targets) => {
                ("Delete", vec![("targets", self.exprs(vm, targets, Del)?)])
            }
            StmtKind::Assign { targets, value } => {
                let targets = self.exprs(vm, targets, Store)?;
                let value = self.expr(vm, value, Load)?;
                (
                    "Assign",
                    vec![
                        ("targets", targets),
                        ("value", value),
                        ("type_comment", Value::None),
                    ],
                )
            }
            StmtKind::AugAssign { target, op, value } => {
                let target = self.expr(vm, target, Store)?;
                let op = self.singleton(vm, binop_name(*op))?;
                let value = self.expr(vm, value, Load)?;
                (
                    "AugAssign",
                    vec![("target", target), ("op", op), ("value", value)],
                )
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let target = self.expr(vm, target, Store)?;
                let annotation = self.expr(vm, annotation, Load)?;
                let value = self.opt_expr(vm, value.as_ref(), Load)?;
                (
                    "AnnAssign",
                    vec![
                        ("target", target),
                        ("annotation", annotation),
                        ("value", value),
                        ("simple", Value::Int(i64::from(*simple))),
                    ],
                )
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                let target = self.expr(vm, target, Store)?;
                let iter = self.expr(vm, iter, Load)?;
                let body = self.stmts(vm, body)?;
                let orelse = self.stmts(vm, orelse)?;
                (
                    if *is_async { "AsyncFor" } else { "For" },
                    vec![
                        ("target", target),
                        ("iter", iter),
                        ("body", body),
                        ("orelse", orelse),
                        ("type_comment", Value::None),
                    ],
                )
            }
            StmtKind::While { test, body, orelse } => {
                let test = self.expr(vm, test, Load)?;
                let body = self.stmts(vm, body)?;
                let orelse = self.stmts(vm, orelse)?;
                (
                    "While",
                    vec![("test", test), ("body", body), ("orelse", orelse)],
                )
            }
            StmtKind::If { test, body, orelse } => {
                let test = self.expr(vm, test, Load)?;
                let body = self.stmts(vm, body)?;
                let orelse = self.stmts(vm, orelse)?;
                (
                    "If",
                    vec![("test", test), ("body", body), ("orelse", orelse)],
                )
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                let mut objs = Vec::with_capacity(items.len());
                for item in items {
                    let context_expr = self.expr(vm, &item.context_expr, Load)?;
                    let vars = self.opt_expr(vm, item.optional_vars.as_ref(), Store)?;
                    objs.push(self.node(
                        vm,
                        "withitem",
                        vec![("context_expr", context_expr), ("optional_vars", vars)],
                        None,
                    )?);
                }
                let items = vm.new_list(objs);
                let body = self.stmts(vm, body)?;
                (
                    if *is_async { "AsyncWith" } else { "With" },
                    vec![
                        ("items", items),
                        ("body", body),
                        ("type_comment", Value::None),
                    ],
                )
            }
            StmtKind::Raise { exc, cause } => {
                let exc = self.opt_expr(vm, exc.as_ref(), Load)?;
                let cause = self.opt_expr(vm, cause.as_ref(), Load)?;
                ("Raise", vec![("exc", exc), ("cause", cause)])
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star,
            } => {
                let body = self.stmts(vm, body)?;
                let mut hs = Vec::with_capacity(handlers.len());
                for h in handlers {
                    let type_ = self.opt_expr(vm, h.type_.as_ref(), Load)?;
                    let name = Self::opt_str(vm, &h.name);
                    let hbody = self.stmts(vm, &h.body)?;
                    hs.push(self.node(
                        vm,
                        "ExceptHandler",
                        vec![("type", type_), ("name", name), ("body", hbody)],
                        Some(h.loc),
                    )?);
                }
                let handlers = vm.new_list(hs);
                let orelse = self.stmts(vm, orelse)?;
                let finalbody = self.stmts(vm, finalbody)?;
                (
                    if *star { "TryStar" } else { "Try" },
                    vec![
                        ("body", body),
                        ("handlers", handlers),
                        ("orelse", orelse),
                        ("finalbody", finalbody),
                    ],
                )
            }
            StmtKind::Assert { test, msg } => {
                let test = self.expr(vm, test, Load)?;
                let msg = self.opt_expr(vm, msg.as_ref(), Load)?;
                ("Assert", vec![("test", test), ("msg", msg)])
            }
            StmtKind::Import(names) => ("Import", vec![("names", self.aliases(vm, names)?)]),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let module = Self::opt_str(vm, module);
                let names = self.aliases(vm, names)?;
                (
                    "ImportFrom",
                    vec![
                        ("module", module),
                        ("names", names),
                        ("level", Value::Int(i64::from(*level))),
                    ],
                )
            }
            StmtKind::Global(names) => ("Global", vec![("names", Self::names(vm, names))]),
            StmtKind::Nonlocal(names) => ("Nonlocal", vec![("names", Self::names(vm, names))]),
            StmtKind::Expr(e) => ("Expr", vec![("value", self.expr(vm, e, Load)?)]),
            StmtKind::Match { subject, cases } => {
                let subject = self.expr(vm, subject, Load)?;
                let mut cs = Vec::with_capacity(cases.len());
                for c in cases {
                    let pattern = self.pattern(vm, &c.pattern)?;
                    let guard = self.opt_expr(vm, c.guard.as_ref(), Load)?;
                    let body = self.stmts(vm, &c.body)?;
                    cs.push(self.node(
                        vm,
                        "match_case",
                        vec![("pattern", pattern), ("guard", guard), ("body", body)],
                        None,
                    )?);
                }
                let cases = vm.new_list(cs);
                ("Match", vec![("subject", subject), ("cases", cases)])
            }
            StmtKind::Pass => ("Pass", Vec::new()),
            StmtKind::Break => ("Break", Vec::new()),
            StmtKind::Continue => ("Continue", Vec::new()),
            StmtKind::Unsupported { feature } => {
                return Err(vm.not_implemented_error(format!("{feature} are not supported by rpy")))
            }
        };
        self.node(vm, name, fields, loc)
    }

    fn aliases(&mut self, vm: &mut Vm, names: &[Alias]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(names.len());
        for a in names {
            let name = Self::str(vm, &a.name);
            let asname = Self::opt_str(vm, &a.asname);
            items.push(self.node(
                vm,
                "alias",
                vec![("name", name), ("asname", asname)],
                Some(a.loc),
            )?);
        }
        Ok(vm.new_list(items))
    }

    fn keywords(&mut self, vm: &mut Vm, kws: &[Keyword]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(kws.len());
        for k in kws {
            let arg = Self::opt_str(vm, &k.arg);
            let value = self.expr(vm, &k.value, Ctx::Load)?;
            items.push(self.node(
                vm,
                "keyword",
                vec![("arg", arg), ("value", value)],
                Some(k.loc),
            )?);
        }
        Ok(vm.new_list(items))
    }

    fn arg(&mut self, vm: &mut Vm, a: &Arg) -> PyResult<Value> {
        let name = Self::str(vm, &a.name);
        let annotation = self.opt_expr(vm, a.annotation.as_ref(), Ctx::Load)?;
        self.node(
            vm,
            "arg",
            vec![
                ("arg", name),
                ("annotation", annotation),
                ("type_comment", Value::None),
            ],
            Some(a.loc),
        )
    }

    fn arg_list(&mut self, vm: &mut Vm, args: &[Arg]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(args.len());
        for a in args {
            items.push(self.arg(vm, a)?);
        }
        Ok(vm.new_list(items))
    }

    fn arguments(&mut self, vm: &mut Vm, a: &Arguments) -> PyResult<Value> {
        let posonlyargs = self.arg_list(vm, &a.posonlyargs)?;
        let args = self.arg_list(vm, &a.args)?;
        let vararg = match &a.vararg {
            Some(v) => self.arg(vm, v)?,
            None => Value::None,
        };
        let kwonlyargs = self.arg_list(vm, &a.kwonlyargs)?;
        let mut kw_defaults = Vec::with_capacity(a.kw_defaults.len());
        for d in &a.kw_defaults {
            kw_defaults.push(self.opt_expr(vm, d.as_ref(), Ctx::Load)?);
        }
        let kw_defaults = vm.new_list(kw_defaults);
        let kwarg = match &a.kwarg {
            Some(v) => self.arg(vm, v)?,
            None => Value::None,
        };
        let defaults = self.exprs(vm, &a.defaults, Ctx::Load)?;
        self.node(
            vm,
            "arguments",
            vec![
                ("posonlyargs", posonlyargs),
                ("args", args),
                ("vararg", vararg),
                ("kwonlyargs", kwonlyargs),
                ("kw_defaults", kw_defaults),
                ("kwarg", kwarg),
                ("defaults", defaults),
            ],
            None,
        )
    }

    fn comprehensions(&mut self, vm: &mut Vm, gens: &[Comprehension]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(gens.len());
        for g in gens {
            let target = self.expr(vm, &g.target, Ctx::Store)?;
            let iter = self.expr(vm, &g.iter, Ctx::Load)?;
            let ifs = self.exprs(vm, &g.ifs, Ctx::Load)?;
            items.push(self.node(
                vm,
                "comprehension",
                vec![
                    ("target", target),
                    ("iter", iter),
                    ("ifs", ifs),
                    ("is_async", Value::Int(i64::from(g.is_async))),
                ],
                None,
            )?);
        }
        Ok(vm.new_list(items))
    }

    fn pattern(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.pattern_inner(vm, p))
    }

    fn patterns(&mut self, vm: &mut Vm, ps: &[Pattern]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(ps.len());
        for p in ps {
            items.push(self.pattern(vm, p)?);
        }
        Ok(vm.new_list(items))
    }

    fn pattern_inner(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult<Value> {
        let (name, fields): (&'static str, Vec<(&'static str, Value)>) = match &p.kind {
            PatternKind::Value(e) => ("MatchValue", vec![("value", self.expr(vm, e, Ctx::Load)?)]),
            PatternKind::Singleton(c) => ("MatchSingleton", vec![("value", constant(vm, c))]),
            PatternKind::Sequence(ps) => {
                ("MatchSequence", vec![("patterns", self.patterns(vm, ps)?)])
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let keys = self.exprs(vm, keys, Ctx::Load)?;
                let patterns = self.patterns(vm, patterns)?;
                let rest = Self::opt_str(vm, rest);
                (
                    "MatchMapping",
                    vec![("keys", keys), ("patterns", patterns), ("rest", rest)],
                )
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let cls = self.expr(vm, cls, Ctx::Load)?;
                let patterns = self.patterns(vm, patterns)?;
                let kwd_attrs = Self::names(vm, kwd_attrs);
                let kwd_patterns = self.patterns(vm, kwd_patterns)?;
                (
                    "MatchClass",
                    vec![
                        ("cls", cls),
                        ("patterns", patterns),
                        ("kwd_attrs", kwd_attrs),
                        ("kwd_patterns", kwd_patterns),
                    ],
                )
            }
            PatternKind::Star(name) => ("MatchStar", vec![("name", Self::opt_str(vm, name))]),
            PatternKind::As { pattern, name } => {
                let pattern = match pattern {
                    Some(p) => self.pattern(vm, p)?,
                    None => Value::None,
                };
                let name = Self::opt_str(vm, name);
                ("MatchAs", vec![("pattern", pattern), ("name", name)])
            }
            PatternKind::Or(ps) => ("MatchOr", vec![("patterns", self.patterns(vm, ps)?)]),
        };
        self.node(vm, name, fields, Some(p.loc))
    }

    /// `kind` of a string constant: `'u'` when its first literal has the
    /// `u` prefix.
    fn string_kind(&self, vm: &mut Vm, loc: Location) -> Value {
        let start = self
            .line_starts
            .get((loc.line as usize).wrapping_sub(1))
            .map(|s| s + loc.col as usize);
        match start.and_then(|s| self.source.as_bytes().get(s)) {
            Some(b'u') => vm.str_val("u"),
            _ => Value::None,
        }
    }

    pub(crate) fn expr(&mut self, vm: &mut Vm, e: &Expr, ctx: Ctx) -> PyResult<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            self.expr_inner(vm, e, ctx, false)
        })
    }

    /// A part of an f-string (`in_fstring`): its constants have no `kind`.
    fn fstring_part(&mut self, vm: &mut Vm, e: &Expr) -> PyResult<Value> {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            self.expr_inner(vm, e, Ctx::Load, true)
        })
    }

    fn expr_inner(&mut self, vm: &mut Vm, e: &Expr, ctx: Ctx, in_fstring: bool) -> PyResult<Value> {
        use Ctx::Load;
        let (name, fields): (&'static str, Vec<(&'static str, Value)>) = match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let op = self.singleton(
                    vm,
                    match op {
                        BoolOp::And => "And",
                        BoolOp::Or => "Or",
                    },
                )?;
                let values = self.exprs(vm, values, Load)?;
                ("BoolOp", vec![("op", op), ("values", values)])
            }
            ExprKind::NamedExpr { target, value } => {
                let target = self.expr(vm, target, Ctx::Store)?;
                let value = self.expr(vm, value, Load)?;
                ("NamedExpr", vec![("target", target), ("value", value)])
            }
            ExprKind::BinOp { left, op, right } => {
                let left = self.expr(vm, left, Load)?;
                let op = self.singleton(vm, binop_name(*op))?;
                let right = self.expr(vm, right, Load)?;
                ("BinOp", vec![("left", left), ("op", op), ("right", right)])
            }
            ExprKind::UnaryOp { op, operand } => {
                let op = self.singleton(vm, unaryop_name(*op))?;
                let operand = self.expr(vm, operand, Load)?;
                ("UnaryOp", vec![("op", op), ("operand", operand)])
            }
            ExprKind::Lambda { args, body } => {
                let args = self.arguments(vm, args)?;
                let body = self.expr(vm, body, Load)?;
                ("Lambda", vec![("args", args), ("body", body)])
            }
            ExprKind::IfExp { test, body, orelse } => {
                let test = self.expr(vm, test, Load)?;
                let body = self.expr(vm, body, Load)?;
                let orelse = self.expr(vm, orelse, Load)?;
                (
                    "IfExp",
                    vec![("test", test), ("body", body), ("orelse", orelse)],
                )
            }
            ExprKind::Dict { keys, values } => {
                let mut ks = Vec::with_capacity(keys.len());
                for k in keys {
                    ks.push(self.opt_expr(vm, k.as_ref(), Load)?);
                }
                let keys = vm.new_list(ks);
                let values = self.exprs(vm, values, Load)?;
                ("Dict", vec![("keys", keys), ("values", values)])
            }
            ExprKind::Set(elts) => ("Set", vec![("elts", self.exprs(vm, elts, Load)?)]),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let elt = self.expr(vm, elt, Load)?;
                let generators = self.comprehensions(vm, generators)?;
                (name, vec![("elt", elt), ("generators", generators)])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let key = self.expr(vm, key, Load)?;
                let value = self.expr(vm, value, Load)?;
                let generators = self.comprehensions(vm, generators)?;
                (
                    "DictComp",
                    vec![("key", key), ("value", value), ("generators", generators)],
                )
            }
            ExprKind::Await(v) => ("Await", vec![("value", self.expr(vm, v, Load)?)]),
            ExprKind::Yield(v) => (
                "Yield",
                vec![("value", self.opt_expr(vm, v.as_deref(), Load)?)],
            ),
            ExprKind::YieldFrom(v) => ("YieldFrom", vec![("value", self.expr(vm, v, Load)?)]),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let left = self.expr(vm, left, Load)?;
                let mut os = Vec::with_capacity(ops.len());
                for op in ops {
                    os.push(self.singleton(vm, cmpop_name(*op))?);
                }
                let ops = vm.new_list(os);
                let comparators = self.exprs(vm, comparators, Load)?;
                (
                    "Compare",
                    vec![("left", left), ("ops", ops), ("comparators", comparators)],
                )
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let func = self.expr(vm, func, Load)?;
                let args = self.exprs(vm, args, Load)?;
                let keywords = self.keywords(vm, keywords)?;
                (
                    "Call",
                    vec![("func", func), ("args", args), ("keywords", keywords)],
                )
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let value = self.expr(vm, value, Load)?;
                let conversion = match conversion {
                    Conversion::None => -1,
                    Conversion::Str => i64::from(b's'),
                    Conversion::Repr => i64::from(b'r'),
                    Conversion::Ascii => i64::from(b'a'),
                };
                let spec = match format_spec {
                    Some(s) => self.fstring_part(vm, s)?,
                    None => Value::None,
                };
                (
                    "FormattedValue",
                    vec![
                        ("value", value),
                        ("conversion", Value::Int(conversion)),
                        ("format_spec", spec),
                    ],
                )
            }
            ExprKind::JoinedStr(values) => {
                let mut vs = Vec::with_capacity(values.len());
                for v in values {
                    vs.push(self.fstring_part(vm, v)?);
                }
                let values = vm.new_list(vs);
                ("JoinedStr", vec![("values", values)])
            }
            ExprKind::Constant(c) => {
                let kind = match c {
                    Constant::Str(_) if !in_fstring => self.string_kind(vm, e.loc),
                    _ => Value::None,
                };
                let value = constant(vm, c);
                ("Constant", vec![("value", value), ("kind", kind)])
            }
            ExprKind::Attribute { value, attr } => {
                let value = self.expr(vm, value, Load)?;
                let attr = Self::str(vm, attr);
                let ctx = self.singleton(vm, ctx.class())?;
                (
                    "Attribute",
                    vec![("value", value), ("attr", attr), ("ctx", ctx)],
                )
            }
            ExprKind::Subscript { value, slice } => {
                let value = self.expr(vm, value, Load)?;
                let slice = self.expr(vm, slice, Load)?;
                let ctx = self.singleton(vm, ctx.class())?;
                (
                    "Subscript",
                    vec![("value", value), ("slice", slice), ("ctx", ctx)],
                )
            }
            ExprKind::Starred(v) => {
                let value = self.expr(vm, v, ctx)?;
                let ctx = self.singleton(vm, ctx.class())?;
                ("Starred", vec![("value", value), ("ctx", ctx)])
            }
            ExprKind::Name(id) => {
                let id = Self::str(vm, id);
                let ctx = self.singleton(vm, ctx.class())?;
                ("Name", vec![("id", id), ("ctx", ctx)])
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                let name = if matches!(e.kind, ExprKind::List(_)) {
                    "List"
                } else {
                    "Tuple"
                };
                let elts = self.exprs(vm, elts, ctx)?;
                let ctx = self.singleton(vm, ctx.class())?;
                (name, vec![("elts", elts), ("ctx", ctx)])
            }
            ExprKind::Slice { lower, upper, step } => {
                let lower = self.opt_expr(vm, lower.as_deref(), Load)?;
                let upper = self.opt_expr(vm, upper.as_deref(), Load)?;
                let step = self.opt_expr(vm, step.as_deref(), Load)?;
                (
                    "Slice",
                    vec![("lower", lower), ("upper", upper), ("step", step)],
                )
            }
        };
        self.node(vm, name, fields, Some(e.loc))
    }
}

/// The Python value of a constant.
pub(crate) fn constant(vm: &mut Vm, c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(i) => vm.new_int(i.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => {
            let t = vm.types.complex.clone();
            Value::Obj(vm.alloc(t, Payload::Complex(*real, *imag)))
        }
        Constant::Str(s) => vm.str_val(s.as_str()),
        Constant::Bytes(b) => vm.new_bytes(b.clone()),
        Constant::Tuple(items) => {
            let vals = items.iter().map(|i| constant(vm, i)).collect();
            vm.new_tuple(vals)
        }
        Constant::Ellipsis => Value::Obj(vm.ellipsis.clone()),
        // Never in a parsed tree.
        Constant::Code(_) => Value::None,
    }
}

/// `_ast`'s class name of a binary operator.
pub(crate) fn binop_name(op: BinaryOperator) -> &'static str {
    match op {
        BinaryOperator::Add => "Add",
        BinaryOperator::Subtract => "Sub",
        BinaryOperator::Multiply => "Mult",
        BinaryOperator::MatMultiply => "MatMult",
        BinaryOperator::TrueDivide => "Div",
        BinaryOperator::FloorDivide => "FloorDiv",
        BinaryOperator::Modulo => "Mod",
        BinaryOperator::Power => "Pow",
        BinaryOperator::LShift => "LShift",
        BinaryOperator::RShift => "RShift",
        BinaryOperator::And => "BitAnd",
        BinaryOperator::Or => "BitOr",
        BinaryOperator::Xor => "BitXor",
    }
}

/// `_ast`'s class name of a unary operator.
pub(crate) fn unaryop_name(op: UnaryOperator) -> &'static str {
    match op {
        UnaryOperator::Not => "Not",
        UnaryOperator::Negative => "USub",
        UnaryOperator::Positive => "UAdd",
        UnaryOperator::Invert => "Invert",
    }
}

/// `_ast`'s class name of a comparison operator.
pub(crate) fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}
