//! `match` statements: structural pattern matching.
//!
//! The subject of each case is matched by code that consumes it from the
//! stack. Values captured on the way stay on the stack, below whatever the
//! enclosing patterns still need (the newest capture deepest), and are
//! stored into their names only once the whole pattern has matched, as in
//! CPython. A failing test jumps to the `fail_pop[n]` label of the case,
//! where `n` is the number of values to discard first.

use super::{Compiler, Label, NameOp, R};
use crate::ast::{BinaryOperator, Expr, ExprKind, MatchCase, Pattern, PatternKind, UnaryOperator};
use crate::bytecode::{ComparisonOperator, Constant, Instruction as I, Location};
use crate::unparse::unparse;

/// State of the pattern being compiled.
#[derive(Default)]
struct PatternCtx {
    /// Names captured so far, oldest first (the oldest value is on top of
    /// the captured ones).
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]`: pops `n` values, then continues at the failure path.
    fail_pop: Vec<Label>,
    /// Values above the captured ones that a failure must discard.
    on_top: u32,
}

impl<'t> Compiler<'t, '_> {
    pub(super) fn match_stmt(&mut self, subject: &'t Expr, cases: &'t [MatchCase]) -> R {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        // A trailing `case _:` needs no copy of the subject nor a test.
        let has_default = n > 1 && cases.last().is_some_and(|c| c.pattern.is_wildcard());
        let tested = n - usize::from(has_default);
        for (i, case) in cases.iter().take(tested).enumerate() {
            self.set_loc(case.pattern.loc);
            let last_tested = i + 1 == tested;
            if !last_tested {
                self.emit(I::DupTop);
            }
            let mut pc = PatternCtx {
                allow_irrefutable: case.guard.is_some() || i + 1 == n,
                ..PatternCtx::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in &pc.stores {
                self.name_op(name, NameOp::Store)?;
            }
            pc.stores.clear();
            if let Some(guard) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(guard, false, fail)?;
            }
            if !last_tested {
                self.emit(I::PopTop);
            }
            self.stmts(&case.body)?;
            self.emit_jump(I::Jump, end);
            // Failure cleanup belongs to the pattern, not the body's last line.
            self.set_loc(case.pattern.loc);
            self.emit_fail_pops(&mut pc);
        }
        if has_default {
            if let Some(case) = cases.last() {
                self.set_loc(case.pattern.loc);
                self.emit(I::Nop);
                if let Some(guard) = &case.guard {
                    self.jump_if(guard, false, end)?;
                }
                self.stmts(&case.body)?;
            }
        }
        self.place(end);
        Ok(())
    }

    /// The label that pops `pops` values before failing.
    fn fail_label(&mut self, pc: &mut PatternCtx, pops: u32) -> Label {
        while pc.fail_pop.len() <= pops as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[pops as usize]
    }

    /// Emits `make(label)` to the failure path, discarding everything the
    /// pattern has pushed so far.
    fn jump_to_fail(&mut self, pc: &mut PatternCtx, make: fn(u32) -> I) {
        let pops = pc.on_top + pc.stores.len() as u32;
        let l = self.fail_label(pc, pops);
        self.emit_jump(make, l);
    }

    /// Places the `fail_pop` labels: each pops one value and falls through
    /// to the next smaller count.
    fn emit_fail_pops(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.place(*l);
            if i > 0 {
                self.emit(I::PopTop);
            }
        }
    }

    /// Moves TOS down to depth `n` (below `n - 1` values).
    fn rotate(&mut self, n: u32) {
        match n {
            0 | 1 => {}
            2 => self.emit(I::RotTwo),
            3 => self.emit(I::RotThree),
            4 => self.emit(I::RotFour),
            _ => self.emit(I::RotN(n)),
        }
    }

    fn here(&self) -> Location {
        self.unit_ref().loc
    }

    /// Captures TOS for `name` (or discards it for `_`).
    fn pattern_store(&mut self, name: Option<&str>, pc: &mut PatternCtx) -> R {
        let Some(name) = name else {
            self.emit(I::PopTop);
            return Ok(());
        };
        self.check_forbidden(name, self.here())?;
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.compile_error(
                format!("multiple assignments to name '{name}' in pattern"),
                self.here(),
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(name.to_owned());
        Ok(())
    }

    /// A sub-pattern (of a sequence, mapping or class pattern): it may be
    /// irrefutable.
    fn subpattern(&mut self, p: &'t Pattern, pc: &mut PatternCtx) -> R {
        let old = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = old;
        r
    }

    /// Matches TOS (consumed) against `p`. The location is left at the
    /// last pattern compiled, as CPython does (its errors point there).
    fn pattern(&mut self, p: &'t Pattern, pc: &mut PatternCtx) -> R {
        stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || {
            self.set_loc(p.loc);
            self.pattern_inner(p, pc)
        })
    }

    fn pattern_inner(&mut self, p: &'t Pattern, pc: &mut PatternCtx) -> R {
        match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                self.emit(I::CompareOp(ComparisonOperator::Eq));
                self.jump_to_fail(pc, I::PopJumpIfFalse);
            }
            PatternKind::Singleton(c) => {
                self.load_const(c.clone());
                self.emit(I::IsOp(false));
                self.jump_to_fail(pc, I::PopJumpIfFalse);
            }
            PatternKind::Sequence(items) => self.sequence_pattern(items, pc)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(p.loc, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::Star(name) => self.pattern_store(name.as_deref(), pc)?,
            PatternKind::As { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_owned(),
                        };
                        return Err(self.compile_error(msg, p.loc));
                    }
                    self.pattern_store(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    // Keep a copy of the subject to bind once `inner` matched.
                    pc.on_top += 1;
                    self.emit(I::DupTop);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store(name.as_deref(), pc)?;
                }
            },
            PatternKind::Or(alts) => self.or_pattern(alts, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, items: &'t [Pattern], pc: &mut PatternCtx) -> R {
        let size = items.len() as u32;
        let mut star = None;
        let mut star_wildcard = false;
        let mut only_wildcard = true;
        for (i, q) in items.iter().enumerate() {
            if let PatternKind::Star(name) = &q.kind {
                if star.is_some() {
                    return Err(self
                        .compile_error("multiple starred names in sequence pattern", self.here()));
                }
                star_wildcard = name.is_none();
                only_wildcard &= star_wildcard;
                star = Some(i as u32);
            } else {
                only_wildcard &= q.is_wildcard();
            }
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(I::MatchSequence);
        self.jump_to_fail(pc, I::PopJumpIfFalse);
        match star {
            None => {
                self.emit(I::GetLen);
                self.load_const(Constant::Int(i64::from(size)));
                self.emit(I::CompareOp(ComparisonOperator::Eq));
                self.jump_to_fail(pc, I::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(I::GetLen);
                self.load_const(Constant::Int(i64::from(size - 1)));
                self.emit(I::CompareOp(ComparisonOperator::Ge));
                self.jump_to_fail(pc, I::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(I::PopTop);
            return Ok(());
        }
        match star {
            Some(s) if star_wildcard => {
                // `[a, *_, b]`: index the subject instead of unpacking it.
                pc.on_top += 1;
                for (i, q) in items.iter().enumerate() {
                    let i = i as u32;
                    if q.is_wildcard() || matches!(q.kind, PatternKind::Star(_)) {
                        continue;
                    }
                    self.emit(I::DupTop);
                    if i < s {
                        self.load_const(Constant::Int(i64::from(i)));
                    } else {
                        self.emit(I::GetLen);
                        self.load_const(Constant::Int(i64::from(size - i)));
                        self.emit(I::BinaryOp(BinaryOperator::Subtract));
                    }
                    self.emit(I::BinarySubscr);
                    self.subpattern(q, pc)?;
                }
                pc.on_top -= 1;
                self.emit(I::PopTop);
            }
            _ => {
                match star {
                    Some(s) => self.emit(I::UnpackEx {
                        before: s,
                        after: size - s - 1,
                    }),
                    None => self.emit(I::UnpackSequence(size)),
                }
                pc.on_top += size;
                for q in items {
                    pc.on_top -= 1;
                    self.subpattern(q, pc)?;
                }
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'t [Expr],
        patterns: &'t [Pattern],
        rest: Option<&str>,
        pc: &mut PatternCtx,
    ) -> R {
        let size = keys.len() as u32;
        pc.on_top += 1;
        self.emit(I::MatchMapping);
        self.jump_to_fail(pc, I::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(I::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(I::GetLen);
            self.load_const(Constant::Int(i64::from(size)));
            self.emit(I::CompareOp(ComparisonOperator::Ge));
            self.jump_to_fail(pc, I::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            if let Some(c) = literal_value(key) {
                if seen.iter().any(|s| constants_equal(s, &c)) {
                    let repr = match c {
                        // unparse() spells infinity 1e309; repr() says inf.
                        Constant::Float(f) if f.is_infinite() => {
                            if f > 0.0 { "inf" } else { "-inf" }.to_owned()
                        }
                        c => unparse(&Expr {
                            loc: key.loc,
                            kind: ExprKind::Constant(c),
                        }),
                    };
                    return Err(self.compile_error(
                        format!("mapping pattern checks duplicate key ({repr})"),
                        self.here(),
                    ));
                }
                seen.push(c);
            } else if !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(self.compile_error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    self.here(),
                ));
            }
            self.expr(key)?;
        }
        self.emit(I::BuildTuple(size));
        self.emit(I::MatchKeys);
        // [subject, keys, values-or-None]
        pc.on_top += 2;
        self.emit(I::DupTop);
        self.jump_to_fail(pc, I::PopJumpIfNone);
        self.emit(I::UnpackSequence(size));
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        // What follows consumes the keys and the subject.
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(I::CopyDictWithoutKeys);
                self.pattern_store(Some(name), pc)?;
            }
            None => {
                self.emit(I::PopTop);
                self.emit(I::PopTop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        loc: Location,
        cls: &'t Expr,
        patterns: &'t [Pattern],
        kwd_attrs: &'t [String],
        kwd_patterns: &'t [Pattern],
        pc: &mut PatternCtx,
    ) -> R {
        for (i, (attr, q)) in kwd_attrs.iter().zip(kwd_patterns).enumerate() {
            self.check_forbidden(attr, q.loc)?;
            if kwd_attrs.iter().take(i).any(|a| a == attr) {
                return Err(self.compile_error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    q.loc,
                ));
            }
        }
        self.set_loc(loc);
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Constant::Str(a.clone())).collect();
        self.load_const(Constant::Tuple(names));
        let nargs = patterns.len() as u32;
        self.emit(I::MatchClass(nargs));
        self.emit(I::DupTop);
        // TOS: the tuple of attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail(pc, I::PopJumpIfNone);
        let total = nargs + kwd_patterns.len() as u32;
        self.emit(I::UnpackSequence(total));
        pc.on_top += total;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if q.is_wildcard() {
                self.emit(I::PopTop);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'t [Pattern], pc: &mut PatternCtx) -> R {
        let end = self.new_label();
        // The names bound by the first alternative, in capture order; the
        // others must bind the same names (their values are reordered).
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            let mut sub = PatternCtx {
                allow_irrefutable: i + 1 == alts.len() && pc.allow_irrefutable,
                ..PatternCtx::default()
            };
            self.emit(I::DupTop);
            self.pattern(alt, &mut sub)?;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(names) => {
                    let same = names.len() == sub.stores.len()
                        && names.iter().all(|n| sub.stores.contains(n));
                    if !same {
                        return Err(self.compile_error(
                            "alternative patterns bind different names",
                            self.here(),
                        ));
                    }
                    self.reorder_captures(&sub.stores, names);
                }
            }
            self.emit_jump(I::Jump, end);
            self.emit_fail_pops(&mut sub);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(I::PopTop);
        self.jump_to_fail(pc, I::Jump);
        self.place(end);
        let names = control.unwrap_or_default();
        // [.., captures, on_top values, subject, new captures]: move each
        // new capture below everything captured before.
        let depth = names.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in names {
            self.rotate(depth);
            if pc.stores.contains(&name) {
                return Err(self.compile_error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    self.here(),
                ));
            }
            pc.stores.push(name);
        }
        // The subject.
        self.emit(I::PopTop);
        Ok(())
    }

    /// Reorders the captured values on top of the stack (`current[0]` on
    /// top) so that `wanted[0]` ends on top, `wanted[1]` below it, ...
    /// Insertion sort: each step moves TOS down among the values already
    /// placed at the bottom.
    fn reorder_captures(&mut self, current: &[String], wanted: &[String]) {
        let rank = |name: &String| wanted.iter().position(|w| w == name).unwrap_or(0);
        let n = current.len();
        let mut stack: Vec<usize> = current.iter().map(rank).collect(); // top first
        for placed in 0..n {
            let Some(&x) = stack.first() else { break };
            let unplaced_above = n - placed - 1;
            let bottom = &stack[n - placed..];
            let smaller = bottom.iter().filter(|&&r| r < x).count();
            let k = unplaced_above + smaller + 1;
            self.rotate(k as u32);
            stack.remove(0);
            stack.insert(k - 1, x);
        }
    }
}

/// The constant a mapping-pattern key stands for (`-1` and `1+2j` are
/// folded, as CPython's parser does).
fn literal_value(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Constant(c) => Some(c.clone()),
        ExprKind::UnaryOp {
            op: UnaryOperator::Negative,
            operand,
        } => super::expr::negate_constant(&literal_value(operand)?),
        ExprKind::BinOp { left, op, right }
            if matches!(op, BinaryOperator::Add | BinaryOperator::Subtract) =>
        {
            let real = match literal_value(left)? {
                Constant::Int(i) => i as f64,
                Constant::Float(f) => f,
                _ => return None,
            };
            let Constant::Complex { imag, .. } = literal_value(right)? else {
                return None;
            };
            let imag = if *op == BinaryOperator::Subtract {
                -imag
            } else {
                imag
            };
            Some(Constant::Complex { real, imag })
        }
        _ => None,
    }
}

/// Python's `==` between two literal constants (`1 == 1.0 == True`).
fn constants_equal(a: &Constant, b: &Constant) -> bool {
    fn number(c: &Constant) -> Option<(f64, f64)> {
        match c {
            Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
            Constant::Int(i) => Some((*i as f64, 0.0)),
            Constant::Float(f) => Some((*f, 0.0)),
            Constant::Complex { real, imag } => Some((*real, *imag)),
            _ => None,
        }
    }
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}
