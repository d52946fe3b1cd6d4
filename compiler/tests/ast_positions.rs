//! Positions of our AST nodes against CPython's `ast` for the same sources
//! (see `data/gen_ast_positions.py`): every statement and expression node,
//! compared as a sorted multiset of `Type line col end_line end_col`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rpy_compiler::ast::*;
use rpy_compiler::{parse, Mode};

mod cases {
    include!("data/ast_position_cases.rs");
}

fn line(kind: &str, loc: Location, out: &mut Vec<String>) {
    out.push(format!(
        "{kind} {} {} {} {}",
        loc.line, loc.col, loc.end_line, loc.end_col
    ));
}

fn args(a: &Arguments, out: &mut Vec<String>) {
    for d in &a.defaults {
        expr(d, out);
    }
    for d in a.kw_defaults.iter().flatten() {
        expr(d, out);
    }
    for p in a.all() {
        if let Some(ann) = &p.annotation {
            expr(ann, out);
        }
    }
}

fn stmts(body: &[Stmt], out: &mut Vec<String>) {
    for s in body {
        stmt(s, out);
    }
}

fn stmt(s: &Stmt, out: &mut Vec<String>) {
    let name = match &s.kind {
        StmtKind::FunctionDef(f) => {
            args(&f.args, out);
            stmts(&f.body, out);
            f.decorators.iter().for_each(|d| expr(d, out));
            f.returns.iter().for_each(|r| expr(r, out));
            if f.is_async {
                "AsyncFunctionDef"
            } else {
                "FunctionDef"
            }
        }
        StmtKind::ClassDef(c) => {
            c.bases.iter().for_each(|b| expr(b, out));
            c.keywords.iter().for_each(|k| expr(&k.value, out));
            stmts(&c.body, out);
            c.decorators.iter().for_each(|d| expr(d, out));
            "ClassDef"
        }
        StmtKind::Return(v) => {
            v.iter().for_each(|v| expr(v, out));
            "Return"
        }
        StmtKind::Delete(t) => {
            t.iter().for_each(|t| expr(t, out));
            "Delete"
        }
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| expr(t, out));
            expr(value, out);
            "Assign"
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, out);
            expr(value, out);
            "AugAssign"
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            expr(target, out);
            expr(annotation, out);
            value.iter().for_each(|v| expr(v, out));
            "AnnAssign"
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            expr(target, out);
            expr(iter, out);
            stmts(body, out);
            stmts(orelse, out);
            if *is_async {
                "AsyncFor"
            } else {
                "For"
            }
        }
        StmtKind::While { test, body, orelse } => {
            expr(test, out);
            stmts(body, out);
            stmts(orelse, out);
            "While"
        }
        StmtKind::If { test, body, orelse } => {
            expr(test, out);
            stmts(body, out);
            stmts(orelse, out);
            "If"
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            for i in items {
                expr(&i.context_expr, out);
                i.optional_vars.iter().for_each(|v| expr(v, out));
            }
            stmts(body, out);
            if *is_async {
                "AsyncWith"
            } else {
                "With"
            }
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().chain(cause.iter()).for_each(|e| expr(e, out));
            "Raise"
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            star,
        } => {
            stmts(body, out);
            for h in handlers {
                h.type_.iter().for_each(|t| expr(t, out));
                stmts(&h.body, out);
            }
            stmts(orelse, out);
            stmts(finalbody, out);
            if *star {
                "TryStar"
            } else {
                "Try"
            }
        }
        StmtKind::Assert { test, msg } => {
            expr(test, out);
            msg.iter().for_each(|m| expr(m, out));
            "Assert"
        }
        StmtKind::Import(_) => "Import",
        StmtKind::ImportFrom { .. } => "ImportFrom",
        StmtKind::Global(_) => "Global",
        StmtKind::Nonlocal(_) => "Nonlocal",
        StmtKind::Expr(e) => {
            expr(e, out);
            "Expr"
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, out);
            for c in cases {
                pattern(&c.pattern, out);
                c.guard.iter().for_each(|g| expr(g, out));
                stmts(&c.body, out);
            }
            "Match"
        }
        StmtKind::Pass => "Pass",
        StmtKind::Break => "Break",
        StmtKind::Continue => "Continue",
        StmtKind::Unsupported { feature } => feature,
    };
    line(name, s.loc, out);
}

fn pattern(p: &Pattern, out: &mut Vec<String>) {
    let name = match &p.kind {
        PatternKind::Value(e) => {
            expr(e, out);
            "MatchValue"
        }
        PatternKind::Singleton(_) => "MatchSingleton",
        PatternKind::Sequence(ps) => {
            ps.iter().for_each(|q| pattern(q, out));
            "MatchSequence"
        }
        PatternKind::Mapping { keys, patterns, .. } => {
            keys.iter().for_each(|k| expr(k, out));
            patterns.iter().for_each(|q| pattern(q, out));
            "MatchMapping"
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            expr(cls, out);
            patterns.iter().for_each(|q| pattern(q, out));
            kwd_patterns.iter().for_each(|q| pattern(q, out));
            "MatchClass"
        }
        PatternKind::Star(_) => "MatchStar",
        PatternKind::As { pattern: q, .. } => {
            q.iter().for_each(|q| pattern(q, out));
            "MatchAs"
        }
        PatternKind::Or(ps) => {
            ps.iter().for_each(|q| pattern(q, out));
            "MatchOr"
        }
    };
    line(name, p.loc, out);
}

fn gens(g: &[Comprehension], out: &mut Vec<String>) {
    for c in g {
        expr(&c.target, out);
        expr(&c.iter, out);
        c.ifs.iter().for_each(|i| expr(i, out));
    }
}

fn expr(e: &Expr, out: &mut Vec<String>) {
    let name = match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            values.iter().for_each(|v| expr(v, out));
            "BoolOp"
        }
        ExprKind::NamedExpr { target, value } => {
            expr(target, out);
            expr(value, out);
            "NamedExpr"
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, out);
            expr(right, out);
            "BinOp"
        }
        ExprKind::UnaryOp { operand, .. } => {
            expr(operand, out);
            "UnaryOp"
        }
        ExprKind::Lambda { args: a, body } => {
            args(a, out);
            expr(body, out);
            "Lambda"
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, out);
            expr(body, out);
            expr(orelse, out);
            "IfExp"
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(|k| expr(k, out));
            values.iter().for_each(|v| expr(v, out));
            "Dict"
        }
        ExprKind::Set(elts) => {
            elts.iter().for_each(|v| expr(v, out));
            "Set"
        }
        ExprKind::ListComp { elt, generators } => {
            expr(elt, out);
            gens(generators, out);
            "ListComp"
        }
        ExprKind::SetComp { elt, generators } => {
            expr(elt, out);
            gens(generators, out);
            "SetComp"
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            expr(key, out);
            expr(value, out);
            gens(generators, out);
            "DictComp"
        }
        ExprKind::GeneratorExp { elt, generators } => {
            expr(elt, out);
            gens(generators, out);
            "GeneratorExp"
        }
        ExprKind::Await(v) => {
            expr(v, out);
            "Await"
        }
        ExprKind::Yield(v) => {
            v.iter().for_each(|v| expr(v, out));
            "Yield"
        }
        ExprKind::YieldFrom(v) => {
            expr(v, out);
            "YieldFrom"
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            expr(left, out);
            comparators.iter().for_each(|c| expr(c, out));
            "Compare"
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(func, out);
            args.iter().for_each(|a| expr(a, out));
            keywords.iter().for_each(|k| expr(&k.value, out));
            "Call"
        }
        // The f-string nodes themselves are not compared, their parts are.
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            expr(value, out);
            format_spec.iter().for_each(|s| expr(s, out));
            return;
        }
        ExprKind::JoinedStr(values) => {
            values.iter().for_each(|v| expr(v, out));
            return;
        }
        ExprKind::Constant(_) => "Constant",
        ExprKind::Attribute { value, .. } => {
            expr(value, out);
            "Attribute"
        }
        ExprKind::Subscript { value, slice } => {
            expr(value, out);
            expr(slice, out);
            "Subscript"
        }
        ExprKind::Starred(v) => {
            expr(v, out);
            "Starred"
        }
        ExprKind::Name(_) => "Name",
        ExprKind::List(elts) => {
            elts.iter().for_each(|v| expr(v, out));
            "List"
        }
        ExprKind::Tuple(elts) => {
            elts.iter().for_each(|v| expr(v, out));
            "Tuple"
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                expr(p, out);
            }
            "Slice"
        }
    };
    line(name, e.loc, out);
}

#[test]
fn ast_positions_match_cpython() {
    let mut failures = Vec::new();
    for (src, expected) in cases::CASES {
        let Module::Exec(body) = parse(src, "f", Mode::Exec).unwrap() else {
            panic!("exec mode gives a statement list");
        };
        let mut got = Vec::new();
        stmts(&body, &mut got);
        got.sort();
        let expected: Vec<&str> = expected.lines().collect();
        let got_refs: Vec<&str> = got.iter().map(String::as_str).collect();
        if got_refs != expected {
            let missing: Vec<_> = expected.iter().filter(|l| !got_refs.contains(l)).collect();
            let extra: Vec<_> = got_refs.iter().filter(|l| !expected.contains(l)).collect();
            failures.push(format!(
                "{src}\n  CPython only: {missing:?}\n  ours only: {extra:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
