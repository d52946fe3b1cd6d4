//! Code that creates nested code objects: functions, lambdas, classes and
//! comprehensions, with their defaults, annotations and closures.

use super::{Compiler, NameOp, R};
use crate::ast::{Arguments, ClassDef, Comprehension, Expr, ExprKind, FunctionDef, Keyword};
use crate::bytecode::{
    CodeKind, CodeObject, Constant, Instruction as I, Location, MakeFunctionFlags,
};
use crate::symtable::{ScopeKey, ScopeKind, SymbolScope, SymbolTable};

impl<'t> Compiler<'t, '_> {
    /// The symbol table of the scope opened by the node at `loc`.
    fn child_table(&self, kind: ScopeKind, loc: Location) -> R<&'t SymbolTable> {
        self.table()
            .child(ScopeKey { kind, loc })
            .ok_or_else(|| self.internal("missing child scope"))
    }

    /// CPython's qualified name for a new scope called `name`.
    fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        if self.units.len() <= 1 {
            return name.to_owned();
        }
        let parent = self.unit_ref();
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = self.mangle(name);
            if parent.table.scope_of(&mangled) == SymbolScope::GlobalExplicit {
                return name.to_owned();
            }
        }
        match parent.table.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{}", parent.code.qualname, name)
            }
            _ => format!("{}.{}", parent.code.qualname, name),
        }
    }

    /// Pushes the closure (if any) and the code, then MakeFunction.
    fn make_closure(&mut self, code: CodeObject, mut flags: MakeFunctionFlags) -> R {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self
                    .deref_idx(name)
                    .ok_or_else(|| self.internal("closure variable not found"))?;
                self.emit(I::LoadClosure(i));
            }
            self.emit(I::BuildTuple(code.freevars.len() as u32));
            flags.closure = true;
        }
        let i = self.add_code_const(code);
        self.emit(I::LoadConst(i));
        self.emit(I::MakeFunction(flags));
        Ok(())
    }

    /// Defaults and keyword-only defaults, evaluated in the enclosing scope.
    fn defaults(&mut self, args: &'t Arguments, flags: &mut MakeFunctionFlags) -> R {
        if !args.defaults.is_empty() {
            self.display_tuple(&args.defaults)?;
            flags.defaults = true;
        }
        let mut n = 0;
        for (arg, def) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = def {
                self.load_const(Constant::Str(self.mangle(&arg.name)));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(I::BuildMap(n));
            flags.kw_defaults = true;
        }
        Ok(())
    }

    fn annotations(
        &mut self,
        args: &'t Arguments,
        returns: Option<&'t Expr>,
        flags: &mut MakeFunctionFlags,
    ) -> R {
        let mut n = 0;
        let params = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in params {
            if let Some(ann) = &a.annotation {
                self.load_const(Constant::Str(self.mangle(&a.name)));
                if self.future.annotations {
                    self.load_const(Constant::Str(crate::unparse::unparse(ann)));
                    n += 1;
                    continue;
                }
                match &ann.kind {
                    // `*args: *Ts` (PEP 646): the single item of the unpacking.
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(I::UnpackSequence(1));
                    }
                    _ => self.expr(ann)?,
                }
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".to_owned()));
            self.annotation_value(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(I::BuildMap(n));
            flags.annotations = true;
        }
        Ok(())
    }

    /// An annotation's value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    pub(super) fn annotation_value(&mut self, e: &'t Expr) -> R {
        if self.future.annotations {
            self.load_const(Constant::Str(crate::unparse::unparse(e)));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn check_params(&self, args: &Arguments, loc: Location) -> R {
        for a in args.all() {
            self.check_forbidden(&a.name, loc)?;
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let code = &mut self.unit().code;
        code.posonly_arg_count = args.posonlyargs.len() as u32;
        code.arg_count = (args.posonlyargs.len() + args.args.len()) as u32;
        code.kwonly_arg_count = args.kwonlyargs.len() as u32;
    }

    pub(super) fn function_def(&mut self, f: &'t FunctionDef, loc: Location) -> R {
        self.check_forbidden(&f.name, loc)?;
        self.check_params(&f.args, loc)?;
        let first_line = f.decorators.first().map_or(loc.line, |d| d.loc.line);
        for d in &f.decorators {
            self.expr(d)?;
        }
        let mut flags = MakeFunctionFlags::default();
        self.defaults(&f.args, &mut flags)?;
        self.annotations(&f.args, f.returns.as_ref(), &mut flags)?;
        let table = self.child_table(ScopeKind::Function, loc)?;
        let qualname = self.qualname(&f.name, ScopeKind::Function);
        self.push_unit(table, CodeKind::Function, &f.name, &qualname, first_line);
        self.set_arg_counts(&f.args);
        let doc = self.docstring(&f.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(d.to_owned())));
        let body = if doc.is_some() {
            f.body.get(1..).unwrap_or(&[])
        } else {
            &f.body[..]
        };
        self.stmts(body)?;
        if let Some(last) = f.body.last() {
            self.set_loc(last.loc);
        }
        self.load_const(Constant::None);
        self.emit(I::ReturnValue);
        let code = self.pop_unit()?;
        self.make_closure(code, flags)?;
        self.apply_decorators(&f.decorators);
        self.name_op(&f.name, NameOp::Store)
    }

    pub(super) fn lambda(&mut self, args: &'t Arguments, body: &'t Expr, e: &'t Expr) -> R {
        self.check_params(args, e.loc)?;
        let mut flags = MakeFunctionFlags::default();
        self.defaults(args, &mut flags)?;
        let table = self.child_table(ScopeKind::Lambda, e.loc)?;
        let qualname = self.qualname("<lambda>", ScopeKind::Lambda);
        self.push_unit(table, CodeKind::Lambda, "<lambda>", &qualname, e.loc.line);
        self.set_arg_counts(args);
        // No docstring: constants[0] is None.
        self.add_const(Constant::None);
        self.expr(body)?;
        self.set_loc(body.loc);
        self.emit(I::ReturnValue);
        let code = self.pop_unit()?;
        self.set_loc(e.loc);
        self.make_closure(code, flags)
    }

    pub(super) fn class_def(&mut self, c: &'t ClassDef, loc: Location) -> R {
        self.check_forbidden(&c.name, loc)?;
        let first_line = c.decorators.first().map_or(loc.line, |d| d.loc.line);
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.emit(I::LoadBuildClass);
        let table = self.child_table(ScopeKind::Class, loc)?;
        let qualname = self.qualname(&c.name, ScopeKind::Class);
        self.push_unit(table, CodeKind::Class, &c.name, &qualname, first_line);
        self.name_op("__name__", NameOp::Load)?;
        self.name_op("__module__", NameOp::Store)?;
        self.load_const(Constant::Str(qualname));
        self.name_op("__qualname__", NameOp::Store)?;
        if table.has_annotations {
            self.emit(I::SetupAnnotations);
        }
        self.body_with_docstring(&c.body, true)?;
        if let Some(last) = c.body.last() {
            self.set_loc(last.loc);
        }
        if table.needs_class_closure {
            let i = self
                .deref_idx("__class__")
                .ok_or_else(|| self.internal("class cell"))?;
            self.emit(I::LoadClosure(i));
            self.emit(I::DupTop);
            self.name_op("__classcell__", NameOp::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(I::ReturnValue);
        let code = self.pop_unit()?;
        self.make_closure(code, MakeFunctionFlags::default())?;
        self.load_const(Constant::Str(c.name.clone()));
        self.call_helper(2, &c.bases, &c.keywords, loc)?;
        self.apply_decorators(&c.decorators);
        self.name_op(&c.name, NameOp::Store)
    }

    /// Calls the decorator functions pushed before the definition, innermost
    /// first, each at its decorator's location.
    fn apply_decorators(&mut self, decorators: &[Expr]) {
        let old = self.unit_ref().loc;
        for d in decorators.iter().rev() {
            self.set_loc(d.loc);
            self.emit(I::Call(1));
        }
        self.set_loc(old);
    }

    /// List/set/dict comprehensions and generator expressions.
    pub(super) fn comprehension(&mut self, e: &'t Expr) -> R {
        let (name, generators, elt, value): (
            &str,
            &'t [Comprehension],
            &'t Expr,
            Option<&'t Expr>,
        ) = match &e.kind {
            ExprKind::ListComp { elt, generators } => ("<listcomp>", generators, elt, None),
            ExprKind::SetComp { elt, generators } => ("<setcomp>", generators, elt, None),
            ExprKind::GeneratorExp { elt, generators } => ("<genexpr>", generators, elt, None),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => ("<dictcomp>", generators, key, Some(&**value)),
            _ => return Err(self.internal("not a comprehension")),
        };
        let body: Vec<&Expr> = std::iter::once(elt).chain(value).collect();
        let is_async = super::coroutines::comprehension_is_async(generators, &body);
        let is_genexp = name == "<genexpr>";
        let enclosing = self.table().kind;
        if is_async && !is_genexp && !self.in_async_def() && enclosing != ScopeKind::Comprehension {
            return Err(self.compile_error(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            ));
        }
        let Some(first) = generators.first() else {
            return Err(self.internal("comprehension without generators"));
        };
        let table = self.child_table(ScopeKind::Comprehension, e.loc)?;
        let qualname = self.qualname(name, ScopeKind::Comprehension);
        self.push_unit(table, CodeKind::Comprehension, name, &qualname, e.loc.line);
        if is_async {
            let flags = &mut self.unit().code.flags;
            flags.generator = false;
            flags.coroutine = !is_genexp;
            flags.async_generator = is_genexp;
        }
        self.set_loc(e.loc);
        self.unit().code.arg_count = 1;
        match name {
            "<listcomp>" => self.emit(I::BuildList(0)),
            "<setcomp>" => self.emit(I::BuildSet(0)),
            "<dictcomp>" => self.emit(I::BuildMap(0)),
            _ => {}
        }
        self.comp_generator(generators, 0, name, elt, value)?;
        self.set_loc(e.loc);
        if name == "<genexpr>" {
            self.load_const(Constant::None);
        }
        self.emit(I::ReturnValue);
        let code = self.pop_unit()?;
        self.make_closure(code, MakeFunctionFlags::default())?;
        self.expr(&first.iter)?;
        self.set_loc(e.loc);
        self.emit(if first.is_async {
            I::GetAiter
        } else {
            I::GetIter
        });
        self.emit(I::Call(1));
        if is_async && !is_genexp {
            self.await_value(super::coroutines::AWAIT_PLAIN);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'t [Comprehension],
        index: usize,
        name: &str,
        elt: &'t Expr,
        value: Option<&'t Expr>,
    ) -> R {
        let Some(g) = generators.get(index) else {
            return Ok(());
        };
        if g.is_async {
            return self.async_comp_loop(g, index == 0, &mut |c: &mut Self, _| {
                c.comp_body(generators, index, name, elt, value)
            });
        }
        let start = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            let i = self.varname_idx(".0");
            self.emit(I::LoadFast(i));
        } else {
            self.expr(&g.iter)?;
            self.emit(I::GetIter);
        }
        self.place(start);
        self.emit_jump(I::ForIter, anchor);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        self.comp_body(generators, index, name, elt, value)?;
        self.emit_jump(I::Jump, start);
        self.place(anchor);
        Ok(())
    }

    /// What runs for each item of clause `index`: the next clause, or the
    /// element added to the container (or yielded).
    fn comp_body(
        &mut self,
        generators: &'t [Comprehension],
        index: usize,
        name: &str,
        elt: &'t Expr,
        value: Option<&'t Expr>,
    ) -> R {
        if index + 1 < generators.len() {
            return self.comp_generator(generators, index + 1, name, elt, value);
        }
        // The container sits below one iterator per generator.
        let depth = generators.len() as u32 + 1;
        self.expr(elt)?;
        if let Some(v) = value {
            self.expr(v)?;
        }
        match name {
            "<listcomp>" => self.emit(I::ListAppend(depth)),
            "<setcomp>" => self.emit(I::SetAdd(depth)),
            "<dictcomp>" => self.emit(I::MapAdd(depth)),
            _ => {
                if self.in_async_generator() {
                    self.emit(I::AsyncGenWrap);
                }
                self.emit(I::YieldValue);
                self.emit(I::PopTop);
            }
        }
        Ok(())
    }

    /// Call with `pre` arguments already on the stack above the callable
    /// (the class body function and name, for `__build_class__`).
    pub(super) fn call_helper(
        &mut self,
        pre: u32,
        args: &'t [Expr],
        keywords: &'t [Keyword],
        loc: Location,
    ) -> R {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if has_star || has_dstar {
            self.star_args(pre, args)?;
            if !keywords.is_empty() {
                self.star_kwargs(keywords)?;
            }
            self.set_loc(loc);
            self.emit(I::CallFunctionEx {
                has_kwargs: !keywords.is_empty(),
            });
            return Ok(());
        }
        for a in args {
            self.expr(a)?;
        }
        let n = pre + args.len() as u32;
        if keywords.is_empty() {
            self.set_loc(loc);
            self.emit(I::Call(n));
        } else {
            let mut names = Vec::with_capacity(keywords.len());
            for k in keywords {
                self.expr(&k.value)?;
                if let Some(name) = &k.arg {
                    names.push(Constant::Str(name.clone()));
                }
            }
            self.set_loc(loc);
            self.load_const(Constant::Tuple(names));
            self.emit(I::CallKw(n + keywords.len() as u32));
        }
        Ok(())
    }
}
