//! What `_ast` gives the VM's `compile()` (`rpy_vm::AstHooks`): source to
//! node objects (`ast.parse`, all four modes), node objects back to the
//! compiler's tree (`compile(tree, ...)`), and the `AST` instance check.

use rpy_compiler::ast::{Expr, ExprKind, Module};
use rpy_compiler::Mode;
use rpy_vm::{AstHooks, PyResult, Value, Vm};

use crate::from_object::Reader;
use crate::to_object::Builder;

/// The hooks to install on a VM.
pub(crate) const HOOKS: AstHooks = AstHooks {
    parse,
    is_ast,
    lower,
};

fn parse_mode(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Module> {
    rpy_compiler::parse(source, filename, mode).map_err(|e| vm.compile_error(&e))
}

fn parse(vm: &mut Vm, source: &str, filename: &str, mode: &str) -> PyResult<Value> {
    let tree = match mode {
        "exec" => parse_mode(vm, source, filename, Mode::Exec)?,
        "single" => parse_mode(vm, source, filename, Mode::Single)?,
        "eval" => parse_mode(vm, source, filename, Mode::Eval)?,
        _ => return func_type(vm, source, filename),
    };
    Builder::new(vm, source)?.module(vm, &tree)
}

/// `func_type` mode: `(argtypes) -> returns`. Both sides are parsed as
/// expressions in place (the rest of the text blanked, line breaks kept),
/// so positions are those of the whole source.
fn func_type(vm: &mut Vm, source: &str, filename: &str) -> PyResult<Value> {
    let invalid = |vm: &mut Vm| {
        let e = rpy_compiler::parse("(", filename, Mode::Eval)
            .err()
            .map(|e| vm.compile_error(&e));
        e.unwrap_or_else(|| vm.new_error(&vm.exc.syntax_error.clone(), "invalid syntax"))
    };
    let Some(arrow) = top_level_arrow(source) else {
        return Err(invalid(vm));
    };
    let blank = |s: &str| -> String {
        // One space per byte: columns are UTF-8 byte offsets.
        s.chars()
            .map(|c| match c {
                '\n' | '\r' => c.to_string(),
                _ => " ".repeat(c.len_utf8()),
            })
            .collect()
    };
    // Left: `(a, b)` followed by blanks.
    let left_src = format!("{}{}", &source[..arrow], blank(&source[arrow..]));
    // Right: `(` then blanks, the return type, `)`.
    let right_src = format!(
        "({}{})",
        &blank(&source[..arrow + 2])[1..],
        &source[arrow + 2..]
    );
    if !source.trim_start().starts_with('(') {
        return Err(invalid(vm));
    }
    let Module::Eval(args) = parse_mode(vm, left_src.trim_end(), filename, Mode::Eval)? else {
        return Err(invalid(vm));
    };
    let Module::Eval(returns) = parse_mode(vm, &right_src, filename, Mode::Eval)? else {
        return Err(invalid(vm));
    };
    let argtypes: Vec<Expr> = match args.kind {
        ExprKind::Tuple(elts) if source[..arrow].trim_end().ends_with(')') => elts,
        _ => vec![args],
    };
    Builder::new(vm, source)?.function_type(vm, &argtypes, &returns)
}

/// Byte offset of the first `->` outside brackets and strings.
fn top_level_arrow(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'-' if depth == 0 && bytes.get(i + 1) == Some(&b'>') => return Some(i),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

fn is_ast(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    Reader::new(vm)?.is_ast(vm, obj)
}

fn lower(vm: &mut Vm, tree: &Value, mode: Mode) -> PyResult<Module> {
    Reader::new(vm)?.module(vm, tree, mode)
}
