//! A disassembler for debugging and tests: one line per instruction with
//! its index, line, name and resolved operand, nested code objects after.

use std::fmt::Write;

use crate::bytecode::{CodeObject, Constant, Instruction as I};

/// Renders `code` and every code object in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    write_code(code, &mut out);
    out
}

fn write_code(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {} ({:?}) line {}>: args={} posonly={} kwonly={} {:?} stack={}",
        code.qualname,
        code.kind,
        code.first_line,
        code.arg_count,
        code.posonly_arg_count,
        code.kwonly_arg_count,
        code.flags,
        code.max_stack
    );
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", code.varnames.join(", "));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", code.cellvars.join(", "));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", code.freevars.join(", "));
    }
    let mut last_line = 0;
    for (i, ins) in code.instructions.iter().enumerate() {
        let loc = code.location(i);
        let line = if loc.line != last_line {
            last_line = loc.line;
            format!("{:>4}", loc.line)
        } else {
            "    ".to_owned()
        };
        let _ = writeln!(out, "{line} {i:>5} {}", describe(code, ins));
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            write_code(inner, out);
        }
    }
}

/// One instruction as `Name operand (resolved)`.
pub fn describe(code: &CodeObject, ins: &I) -> String {
    let name = |i: &u32| code.names.get(*i as usize).cloned().unwrap_or_default();
    let var = |i: &u32| code.varnames.get(*i as usize).cloned().unwrap_or_default();
    let deref = |i: &u32| {
        let i = *i as usize;
        code.cellvars
            .get(i)
            .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
            .cloned()
            .unwrap_or_default()
    };
    match ins {
        I::LoadConst(i) => match code.constants.get(*i as usize) {
            Some(c) => format!("LoadConst {i} ({})", const_repr(c)),
            None => format!("LoadConst {i} (?)"),
        },
        I::LoadFast(i) | I::StoreFast(i) | I::DeleteFast(i) => {
            format!("{} {i} ({})", op_name(ins), var(i))
        }
        I::LoadDeref(i)
        | I::StoreDeref(i)
        | I::DeleteDeref(i)
        | I::LoadClosure(i)
        | I::LoadClassDeref(i) => format!("{} {i} ({})", op_name(ins), deref(i)),
        I::LoadGlobal(i)
        | I::StoreGlobal(i)
        | I::DeleteGlobal(i)
        | I::LoadName(i)
        | I::StoreName(i)
        | I::DeleteName(i)
        | I::LoadAttr(i)
        | I::StoreAttr(i)
        | I::DeleteAttr(i)
        | I::LoadMethod(i)
        | I::ImportName(i)
        | I::ImportFrom(i) => format!("{} {i} ({})", op_name(ins), name(i)),
        other => format!("{other:?}"),
    }
}

fn op_name(ins: &I) -> String {
    let dbg = format!("{ins:?}");
    dbg.split('(').next().unwrap_or_default().to_owned()
}

/// A short Python-like rendering of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_owned(),
        Constant::Bool(true) => "True".to_owned(),
        Constant::Bool(false) => "False".to_owned(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Complex { real, imag } => format!("({real:?}+{imag:?}j)"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts.join(", "))
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::Ellipsis => "Ellipsis".to_owned(),
        Constant::Code(c) => format!("<code {}>", c.qualname),
    }
}
