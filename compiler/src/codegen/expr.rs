//! Expressions: operators, comparisons, calls, displays, f-strings, yield.

use super::{Compiler, Label, NameOp, R};
use crate::ast::{BoolOp, CmpOp, Expr, ExprKind, Keyword};
use crate::bytecode::{ComparisonOperator, Constant, Instruction as I, UnaryOperator};
use crate::symtable::ScopeKind;

/// Displays longer than this are built incrementally (CPython's limit).
const STACK_USE_GUIDELINE: usize = 30;

const RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

/// What a display builds, for the starred-unpacking helper.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    Tuple,
    List,
    Set,
}

impl<'t> Compiler<'t, '_> {
    /// Compiles `e`, leaving its value on the stack.
    pub(super) fn expr(&mut self, e: &'t Expr) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            let old = self.set_loc(e.loc);
            let r = self.expr_inner(e);
            self.set_loc(old);
            r
        })
    }

    fn expr_inner(&mut self, e: &'t Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let n = values.len();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.set_loc(e.loc);
                        let jump = match op {
                            BoolOp::And => I::JumpIfFalseOrPop,
                            BoolOp::Or => I::JumpIfTrueOrPop,
                        };
                        self.emit_jump(jump, end);
                    }
                }
                self.place(end);
            }
            ExprKind::NamedExpr { target, value } => {
                if !matches!(target.kind, ExprKind::Name(_)) {
                    return Err(self.error(
                        format!(
                            "cannot use assignment expressions with {}",
                            super::target::expr_name(target)
                        ),
                        target.loc,
                    ));
                }
                self.expr(value)?;
                self.set_loc(e.loc);
                self.emit(I::DupTop);
                self.store_target(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_loc(e.loc);
                self.emit(I::BinaryOp(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                // `-5` is a constant, as CPython folds it.
                if let (UnaryOperator::Negative, ExprKind::Constant(c)) = (op, &operand.kind) {
                    if let Some(neg) = negate_constant(c) {
                        self.load_const(neg);
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.set_loc(e.loc);
                self.emit(I::UnaryOp(*op));
            }
            ExprKind::Lambda { args, body } => self.lambda(args, body, e)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_label)?;
                self.expr(body)?;
                self.emit_jump(I::Jump, end);
                self.place(else_label);
                self.expr(orelse)?;
                self.place(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set(elts) => self.display(0, elts, Display::Set)?,
            ExprKind::List(elts) => self.display(0, elts, Display::List)?,
            ExprKind::Tuple(elts) => self.display(0, elts, Display::Tuple)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Await(value) => self.await_expr(value, e)?,
            ExprKind::Yield(value) => {
                self.check_yield(e)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.set_loc(e.loc);
                if self.in_async_generator() {
                    self.emit(I::AsyncGenWrap);
                }
                self.emit(I::YieldValue);
            }
            ExprKind::YieldFrom(value) => {
                self.check_yield(e)?;
                self.check_yield_from(e)?;
                self.expr(value)?;
                self.set_loc(e.loc);
                self.emit(I::GetYieldFromIter);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.check_compare(e, left, ops, comparators);
                self.compare(e, left, ops, comparators)?
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
                self.set_loc(e.loc);
                self.emit(I::FormatValue {
                    conversion: *conversion,
                    has_spec: format_spec.is_some(),
                });
            }
            ExprKind::JoinedStr(values) => {
                if values.is_empty() {
                    self.load_const(Constant::Str(String::new()));
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() > 1 {
                        self.set_loc(e.loc);
                        self.emit(I::BuildString(values.len() as u32));
                    }
                }
            }
            ExprKind::Constant(c) => self.load_const(c.clone()),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_loc(e.loc);
                let i = self.name_idx(&self.mangle(attr));
                self.emit(I::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.check_subscript(e, value, slice);
                self.expr(value)?;
                self.expr(slice)?;
                self.set_loc(e.loc);
                self.emit(I::BinarySubscr);
            }
            ExprKind::Starred(_) => {
                return Err(self.compile_error("can't use starred expression here", e.loc));
            }
            ExprKind::Name(n) => self.name_op(n, NameOp::Load)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(s) = step {
                    self.expr(s)?;
                }
                self.set_loc(e.loc);
                self.emit(I::BuildSlice(if step.is_some() { 3 } else { 2 }));
            }
        }
        Ok(())
    }

    /// The Send/YieldValue loop of `yield from`: [iter, None] -> [result].
    pub(super) fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.place(start);
        self.emit_jump(I::Send, exit);
        self.emit(I::YieldValue);
        self.emit_jump(I::Jump, start);
        self.place(exit);
    }

    fn check_yield(&self, e: &Expr) -> R {
        let table = self.table();
        match table.kind {
            ScopeKind::Function | ScopeKind::Lambda => Ok(()),
            ScopeKind::Comprehension => {
                let what = match table.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.compile_error(format!("'yield' inside {what}"), e.loc))
            }
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.compile_error("'yield' outside function", e.loc))
            }
        }
    }

    /// Jumps to `target` if `e` is truthy (`cond`) or falsy (`!cond`),
    /// without materialising booleans for `not`, `and`, `or`.
    pub(super) fn jump_if(&mut self, e: &'t Expr, cond: bool, target: Label) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            self.jump_if_inner(e, cond, target)
        })
    }

    fn jump_if_inner(&mut self, e: &'t Expr, cond: bool, target: Label) -> R {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOperator::Not,
                operand,
            } => return self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } => {
                // `a and b` jumps on false as soon as one is false, etc.
                let is_and = *op == BoolOp::And;
                let n = values.len();
                if is_and == cond {
                    // Jump only if all are (is_and) / any is (!is_and)...:
                    // short-circuit past the jump otherwise.
                    let skip = self.new_label();
                    for (i, v) in values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !cond, skip)?;
                        } else {
                            self.jump_if(v, cond, target)?;
                        }
                    }
                    self.place(skip);
                } else {
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let old = self.set_loc(e.loc);
        if cond {
            self.emit_jump(I::PopJumpIfTrue, target);
        } else {
            self.emit_jump(I::PopJumpIfFalse, target);
        }
        self.set_loc(old);
        Ok(())
    }

    fn compare(
        &mut self,
        e: &'t Expr,
        left: &'t Expr,
        ops: &[CmpOp],
        comparators: &'t [Expr],
    ) -> R {
        self.expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 1 {
            if let (Some(op), Some(right)) = (ops.first(), comparators.first()) {
                self.expr(right)?;
                self.set_loc(e.loc);
                self.emit(compare_instruction(*op));
            }
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            self.set_loc(e.loc);
            if i + 1 < n {
                self.emit(I::DupTop);
                self.emit(I::RotThree);
                self.emit(compare_instruction(*op));
                self.emit_jump(I::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(compare_instruction(*op));
            }
        }
        self.emit_jump(I::Jump, end);
        self.place(cleanup);
        self.emit(I::RotTwo);
        self.emit(I::PopTop);
        self.place(end);
        Ok(())
    }

    fn call(
        &mut self,
        e: &'t Expr,
        func: &'t Expr,
        args: &'t [Expr],
        keywords: &'t [Keyword],
    ) -> R {
        if keywords
            .iter()
            .any(|k| k.arg.as_deref() == Some("__debug__"))
        {
            return Err(self.compile_error("cannot assign to __debug__", e.loc));
        }
        self.check_caller(e, func);
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if !has_star && keywords.is_empty() {
                self.expr(value)?;
                self.set_loc(func.loc);
                let i = self.name_idx(&self.mangle(attr));
                self.emit(I::LoadMethod(i));
                for a in args {
                    self.expr(a)?;
                }
                self.set_loc(e.loc);
                self.emit(I::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_helper(0, args, keywords, e.loc)
    }

    /// Positional arguments of a `*args` call, as one tuple; `pre` values
    /// already pushed come first.
    pub(super) fn star_args(&mut self, pre: u32, args: &'t [Expr]) -> R {
        if let (
            0,
            [Expr {
                kind: ExprKind::Starred(inner),
                ..
            }],
        ) = (pre, args)
        {
            // f(*x): a tuple of x.
            self.emit(I::BuildList(0));
            self.expr(inner)?;
            self.emit(I::ListExtend(1));
            self.emit(I::ListToTuple);
            return Ok(());
        }
        self.display(pre, args, Display::Tuple)
    }

    pub(super) fn display_tuple(&mut self, elts: &'t [Expr]) -> R {
        self.display(0, elts, Display::Tuple)
    }

    /// Keyword arguments of a `**kwargs` call, as one dict.
    pub(super) fn star_kwargs(&mut self, keywords: &'t [Keyword]) -> R {
        let leading = keywords.iter().take_while(|k| k.arg.is_some()).count();
        for k in keywords.iter().take(leading) {
            if let Some(name) = &k.arg {
                self.load_const(Constant::Str(name.clone()));
                self.expr(&k.value)?;
            }
        }
        self.emit(I::BuildMap(leading as u32));
        for k in keywords.iter().skip(leading) {
            match &k.arg {
                None => {
                    self.expr(&k.value)?;
                    self.set_loc(k.loc);
                    self.emit(I::DictMerge(1));
                }
                Some(name) => {
                    self.load_const(Constant::Str(name.clone()));
                    self.expr(&k.value)?;
                    self.emit(I::BuildMap(1));
                    self.emit(I::DictMerge(1));
                }
            }
        }
        Ok(())
    }

    /// A tuple/list/set display, with `*iterable` items unpacked. `pre`
    /// values already on the stack become its first items (tuples only).
    fn display(&mut self, pre: u32, elts: &'t [Expr], kind: Display) -> R {
        let has_star = elts.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        if pre == 0 && !has_star {
            if let Some(c) = constant_tuple(elts) {
                match kind {
                    Display::Tuple => {
                        self.load_const(c);
                        return Ok(());
                    }
                    // Like CPython: extend an empty list/set by a constant tuple.
                    Display::List | Display::Set if elts.len() > 2 => {
                        let (build, extend) = if kind == Display::List {
                            (I::BuildList(0), I::ListExtend(1))
                        } else {
                            (I::BuildSet(0), I::SetUpdate(1))
                        };
                        self.emit(build);
                        self.load_const(c);
                        self.emit(extend);
                        return Ok(());
                    }
                    _ => {}
                }
            }
        }
        // Long displays are built item by item, keeping the stack small.
        let big = pre as usize + elts.len() > STACK_USE_GUIDELINE;
        if !has_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let n = pre + elts.len() as u32;
            self.emit(match kind {
                Display::Tuple => I::BuildTuple(n),
                Display::List => I::BuildList(n),
                Display::Set => I::BuildSet(n),
            });
            return Ok(());
        }
        let leading = if big {
            0
        } else {
            elts.iter()
                .take_while(|a| !matches!(a.kind, ExprKind::Starred(_)))
                .count()
        };
        for e in elts.iter().take(leading) {
            self.expr(e)?;
        }
        let n = pre + leading as u32;
        self.emit(if kind == Display::Set {
            I::BuildSet(n)
        } else {
            I::BuildList(n)
        });
        for e in elts.iter().skip(leading) {
            match &e.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == Display::Set {
                        I::SetUpdate(1)
                    } else {
                        I::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if kind == Display::Set {
                        I::SetAdd(1)
                    } else {
                        I::ListAppend(1)
                    });
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(I::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'t [Option<Expr>], values: &'t [Expr]) -> R {
        let leading = if keys.len() * 2 > STACK_USE_GUIDELINE {
            0
        } else {
            keys.iter().take_while(|k| k.is_some()).count()
        };
        for (k, v) in keys.iter().zip(values).take(leading) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
        }
        self.emit(I::BuildMap(leading as u32));
        for (k, v) in keys.iter().zip(values).skip(leading) {
            match k {
                None => {
                    self.expr(v)?;
                    self.emit(I::DictUpdate(1));
                }
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(I::MapAdd(1));
                }
            }
        }
        Ok(())
    }
}

fn compare_instruction(op: CmpOp) -> I {
    match op {
        CmpOp::Eq => I::CompareOp(ComparisonOperator::Eq),
        CmpOp::NotEq => I::CompareOp(ComparisonOperator::Ne),
        CmpOp::Lt => I::CompareOp(ComparisonOperator::Lt),
        CmpOp::LtE => I::CompareOp(ComparisonOperator::Le),
        CmpOp::Gt => I::CompareOp(ComparisonOperator::Gt),
        CmpOp::GtE => I::CompareOp(ComparisonOperator::Ge),
        CmpOp::Is => I::IsOp(false),
        CmpOp::IsNot => I::IsOp(true),
        CmpOp::In => I::ContainsOp(false),
        CmpOp::NotIn => I::ContainsOp(true),
    }
}

/// `-c` for a numeric constant `c` (CPython's constant folding).
pub(super) fn negate_constant(c: &Constant) -> Option<Constant> {
    Some(match c {
        Constant::Int(i) => match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => Constant::BigInt(-malachite::Integer::from(*i)),
        },
        Constant::BigInt(b) => {
            let n = -b.clone();
            match i64::try_from(&n) {
                Ok(v) => Constant::Int(v),
                Err(_) => Constant::BigInt(n),
            }
        }
        Constant::Float(f) => Constant::Float(-f),
        Constant::Complex { real, imag } => Constant::Complex {
            real: -real,
            imag: -imag,
        },
        _ => return None,
    })
}

/// A tuple display of constants only, as one constant.
fn constant_tuple(elts: &[Expr]) -> Option<Constant> {
    let items = elts
        .iter()
        .map(|e| match &e.kind {
            ExprKind::Constant(c) => Some(c.clone()),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Constant::Tuple(items))
}
