//! Parser failures to CPython 3.11's SyntaxError messages and positions.
//!
//! The parser crate says only "unexpected token here". CPython's message
//! depends on context, and on the order in which its tokenizer and parser
//! meet problems:
//! - a tokenizer error (unterminated string, bad indentation, unmatched
//!   bracket, ...) the parser reaches before failing wins;
//! - otherwise the parser's message is chosen from the tokens around the
//!   failure ("expected ':'", "expected an indented block after ...",
//!   "Perhaps you forgot a comma?", ...);
//! - then CPython tokenizes the rest of the file, and a tokenizer error
//!   found there replaces the parser's message (an unclosed bracket only
//!   if it opened on an earlier line than the failure).
//!
//! [`crate::scan`] provides CPython's tokens and tokenizer errors.

use crate::error::{CompileError, CompileErrorKind};
use crate::parse::{LexicalKind, RawError};
use crate::scan::{self, Kind, TokError, Token};
use crate::source_map::SourceMap;

/// Builds the CompileError for a parser failure at byte `offset`.
pub fn to_compile_error(map: &SourceMap, raw: RawError, offset: usize) -> CompileError {
    let scanned = scan::scan(map.source());
    let toks = &scanned.tokens;
    let k = failure_index(map, toks, offset, &raw);
    if let Some(te) = &scanned.error {
        if te.index <= k {
            return from_tok_error(map, te);
        }
    }
    if let RawError::Lexical(LexicalKind::Escape) = &raw {
        if let Some(e) = escape_error(map, toks, offset) {
            return e;
        }
    }
    let (perr, replaceable) = parser_error(map, toks, k, &raw, offset);
    let fail_line = toks.get(k).or(toks.last()).map_or(perr.line, |t| t.line);
    // The parser's text has a newline only on the tokenizer's current line.
    let mut perr = perr;
    if perr.text.is_some() && perr.line < fail_line {
        perr.text = line_text(map, perr.line, false);
    }
    if let (Some(te), true) = (&scanned.error, replaceable) {
        if te.never_closed {
            if fail_line > te.line {
                return from_tok_error(map, te);
            }
        } else if !toks
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .any(|t| t.kind == Kind::ErrorTok)
        {
            return from_tok_error(map, te);
        }
    }
    perr
}

/// A string literal whose escape sequences cannot be decoded: CPython
/// reports it at the token after the string (the whole implicitly
/// concatenated run), with the lines from the run's last literal as text.
fn escape_error(map: &SourceMap, toks: &[Token], offset: usize) -> Option<CompileError> {
    let i = toks.iter().position(|t| {
        t.kind == Kind::String && t.start <= offset && offset <= map.offset(t.end_line, t.end_col)
    })?;
    let message = crate::escapes::decode_error(toks.get(i)?.text)?;
    let mut last = i;
    while toks.get(last + 1).is_some_and(|t| t.kind == Kind::String) {
        last += 1;
    }
    let (lit, next) = (toks.get(last)?, toks.get(last + 1)?);
    let text = (lit.line..=next.line)
        .filter_map(|l| map.line_text(l))
        .collect::<String>();
    let text = format!("{}\n", text.trim_end_matches(['\n', '\r']));
    Some(CompileError {
        kind: CompileErrorKind::SyntaxError,
        message,
        filename: map.filename().to_owned(),
        line: next.line,
        offset: map.char_offset(next.line, next.col) as i32,
        end_line: next.end_line,
        end_offset: map.char_offset(next.end_line, next.end_col) as i32,
        text: Some(text),
    })
}

/// A line as CPython shows it in `text`: with a newline, or without one.
fn line_text(map: &SourceMap, line: u32, newline: bool) -> Option<String> {
    let text = map.line_text(line)?;
    let body = text.trim_end_matches(['\n', '\r']);
    Some(if newline {
        format!("{body}\n")
    } else {
        body.to_owned()
    })
}

fn from_tok_error(map: &SourceMap, te: &TokError) -> CompileError {
    CompileError {
        kind: te.kind,
        message: te.message.clone(),
        filename: map.filename().to_owned(),
        line: te.line,
        offset: te.offset as i32,
        end_line: te.end_line,
        end_offset: te.end_offset as i32,
        text: line_text(map, te.line, te.text_newline),
    }
}

/// The index of the token the parser crate failed on.
fn failure_index(map: &SourceMap, toks: &[Token], offset: usize, raw: &RawError) -> usize {
    let at_end = offset >= map.source().trim_end().len();
    let eof_like = matches!(raw, RawError::Eof)
        || (at_end && matches!(raw, RawError::Lexical(LexicalKind::Indentation)));
    if eof_like {
        return toks
            .iter()
            .position(|t| t.kind == Kind::EndMarker)
            .unwrap_or(toks.len());
    }
    let (line, _) = map.position(offset);
    toks.iter()
        .position(|t| {
            t.start >= offset || (t.kind == Kind::Newline && t.line == line && offset >= t.start)
        })
        .unwrap_or(toks.len())
}

fn err_span(
    map: &SourceMap,
    kind: CompileErrorKind,
    msg: impl Into<String>,
    from: &Token,
    to: &Token,
) -> CompileError {
    let mut e = CompileError {
        kind,
        message: msg.into(),
        filename: map.filename().to_owned(),
        line: from.line,
        offset: map.char_offset(from.line, from.col) as i32,
        end_line: to.end_line,
        end_offset: map.char_offset(to.end_line, to.end_col) as i32,
        text: map.error_text(from.line),
    };
    if to.kind == Kind::EndMarker {
        e.end_offset = -1;
    }
    e
}

fn syntax(map: &SourceMap, msg: impl Into<String>, from: &Token, to: &Token) -> CompileError {
    err_span(map, CompileErrorKind::SyntaxError, msg, from, to)
}

/// Tokens that can end an expression.
fn ends_expr(t: &Token) -> bool {
    match t.kind {
        Kind::Name => !t.is_keyword() || matches!(t.text, "True" | "False" | "None"),
        Kind::Number | Kind::String => true,
        Kind::Op => matches!(t.text, ")" | "]" | "}"),
        _ => false,
    }
}

/// Tokens that can start an expression (an operand, not an operator).
fn starts_expr(t: &Token) -> bool {
    match t.kind {
        Kind::Name => {
            !t.is_keyword()
                || matches!(
                    t.text,
                    "True" | "False" | "None" | "lambda" | "not" | "await"
                )
        }
        Kind::Number | Kind::String => true,
        Kind::Op => matches!(t.text, "(" | "[" | "{" | "~" | "..."),
        _ => false,
    }
}

const BINARY_OPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "<", ">", "==", "!=",
    "<=", ">=", "in", "is", "not", "and", "or",
];

/// Index of the last token of the expression starting at `i` (a rough
/// skipper: operands with trailers joined by binary operators).
fn expr_end(toks: &[Token], mut i: usize) -> usize {
    let depth = toks.get(i).map_or(0, |t| t.depth);
    let mut last = i;
    loop {
        // Unary prefixes.
        while toks
            .get(i)
            .is_some_and(|t| t.is("-") || t.is("+") || t.is("~") || t.is("not") || t.is("await"))
        {
            i += 1;
        }
        let Some(t) = toks.get(i) else {
            return last;
        };
        if t.is("(") || t.is("[") || t.is("{") {
            i = matching_close(toks, i);
        } else if !starts_expr(t) {
            return last;
        } else if t.kind == Kind::String {
            while toks.get(i + 1).is_some_and(|t| t.kind == Kind::String) {
                i += 1;
            }
        }
        last = i;
        // Trailers.
        loop {
            match toks.get(i + 1) {
                Some(t) if t.is(".") && toks.get(i + 2).is_some_and(|n| n.kind == Kind::Name) => {
                    i += 2;
                }
                Some(t) if t.is("(") || t.is("[") => i = matching_close(toks, i + 1),
                _ => break,
            }
            last = i;
        }
        match toks.get(i + 1) {
            Some(t)
                if t.depth == depth && BINARY_OPS.contains(&t.text) && t.kind != Kind::String =>
            {
                i += 2;
                if t.is("is") && toks.get(i).is_some_and(|n| n.is("not")) {
                    i += 1;
                }
                if t.is("not") && toks.get(i).is_some_and(|n| n.is("in")) {
                    i += 1;
                }
            }
            _ => return last,
        }
    }
}

/// Index of the bracket closing the one at `open` (or the last token).
fn matching_close(toks: &[Token], open: usize) -> usize {
    let depth = toks.get(open).map_or(0, |t| t.depth);
    for (j, t) in toks.iter().enumerate().skip(open + 1) {
        if t.depth == depth && (t.is(")") || t.is("]") || t.is("}")) {
            return j;
        }
        if t.depth <= depth && t.kind != Kind::Op {
            return j.saturating_sub(1);
        }
    }
    toks.len().saturating_sub(1)
}

/// Index of the first token of the (disjunction) expression that ends at
/// `end`: walks back over operands and binary operators at its depth.
fn expr_start(toks: &[Token], end: usize) -> usize {
    let Some(last) = toks.get(end) else {
        return end;
    };
    let depth = last.depth;
    let mut i = end;
    while i > 0 {
        let Some(prev) = toks.get(i - 1) else {
            break;
        };
        if prev.depth > depth {
            i -= 1;
            continue;
        }
        if prev.depth < depth {
            break;
        }
        // At our depth, an opening bracket is one whose contents we walked
        // back through: a group or a trailer, part of the expression.
        let joins = match prev.kind {
            Kind::Op => {
                BINARY_OPS.contains(&prev.text)
                    || matches!(prev.text, "." | "(" | ")" | "[" | "]" | "{" | "}" | "~")
            }
            Kind::Name => {
                !prev.is_keyword() || matches!(prev.text, "not" | "and" | "or" | "in" | "is")
            }
            Kind::Number | Kind::String => true,
            _ => false,
        };
        if !joins {
            break;
        }
        i -= 1;
    }
    i
}

/// Index of the first token of the logical line containing token `k`.
fn line_start(toks: &[Token], k: usize) -> usize {
    let mut i = k.min(toks.len());
    while i > 0 {
        match toks.get(i - 1).map(|t| t.kind) {
            Some(Kind::Newline | Kind::Indent | Kind::Dedent) => break,
            _ => i -= 1,
        }
    }
    i
}

/// CPython's name for the block a header keyword opens.
fn block_name(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "if" => "'if' statement",
        "elif" => "'elif' statement",
        "else" => "'else' statement",
        "while" => "'while' statement",
        "for" => "'for' statement",
        "with" => "'with' statement",
        "try" => "'try' statement",
        "except" => "'except' statement",
        "finally" => "'finally' statement",
        "def" => "function definition",
        "class" => "class definition",
        _ => return None,
    })
}

/// Errors of an `except` or `except*` clause line containing token `k`:
/// the two kinds mixed on one `try`, `except*` without a type, and
/// unparenthesized exception types (as CPython's invalid_except_stmt and
/// invalid_try_stmt rules).
fn except_clause_error(map: &SourceMap, toks: &[Token], k: usize) -> Option<CompileError> {
    let start = line_start(toks, k);
    let kw = toks.get(start)?;
    if !kw.is("except") {
        return None;
    }
    let star = toks.get(start + 1).is_some_and(|t| t.is("*"));
    let first = start + 1 + usize::from(star);
    let line_end = toks
        .get(first..)?
        .iter()
        .position(|t| t.kind == Kind::Newline)
        .map_or(toks.len(), |p| p + first);
    let clause = toks.get(first..line_end)?;
    let colon = clause.iter().rposition(|t| t.is(":") && t.depth == 0);
    let first_tok = clause.first()?;
    if star && (first_tok.is(":") || first_tok.kind == Kind::Newline || clause.is_empty()) {
        return Some(syntax(
            map,
            "expected one or more exception types",
            first_tok,
            first_tok,
        ));
    }
    let colon = colon?;
    // `except A, B:` (with or without `as name`).
    let types = clause.get(..colon)?;
    let before_as = types
        .iter()
        .position(|t| t.is("as") && t.depth == 0)
        .unwrap_or(types.len());
    if types
        .get(..before_as)?
        .iter()
        .any(|t| t.is(",") && t.depth == 0)
    {
        let last = types.last()?;
        return Some(syntax(
            map,
            "multiple exception types must be parenthesized",
            first_tok,
            last,
        ));
    }
    // The earlier clauses of the same `try`: lines that start at this
    // column, back to the `try` itself.
    let mut i = start;
    let mut other_kind = false;
    while i > 0 {
        i -= 1;
        let Some(t) = toks.get(i) else { break };
        if t.col != kw.col
            || !matches!(
                toks.get(i.wrapping_sub(1)).map(|p| p.kind),
                Some(Kind::Newline | Kind::Indent | Kind::Dedent) | None
            )
        {
            continue;
        }
        if t.is("try") {
            break;
        }
        if t.is("except") {
            let s = toks.get(i + 1).is_some_and(|n| n.is("*"));
            other_kind |= s != star;
        } else if !t.is("else") && !t.is("finally") && t.kind == Kind::Name {
            return None;
        }
    }
    if !other_kind {
        return None;
    }
    let to = if star { toks.get(start + 1)? } else { kw };
    Some(syntax(
        map,
        "cannot have both 'except' and 'except*' on the same 'try'",
        kw,
        to,
    ))
}

/// The parser's error at token `k`, and whether a later tokenizer error
/// may replace it.
fn parser_error(
    map: &SourceMap,
    toks: &[Token],
    k: usize,
    raw: &RawError,
    offset: usize,
) -> (CompileError, bool) {
    let Some(t) = toks.get(k).or_else(|| toks.last()) else {
        let (line, col) = map.position(offset);
        let loc = crate::bytecode::Location {
            line,
            end_line: line,
            col,
            end_col: col,
        };
        return (map.syntax_error("invalid syntax", loc), true);
    };
    if let Some(e) = parameter_error(map, toks, k) {
        return (e, true);
    }
    if let RawError::Lexical(kind) = raw {
        if let Some(e) = lexical(map, toks, k, kind) {
            return (e, true);
        }
    }
    if t.kind == Kind::ErrorTok {
        return (syntax(map, "invalid syntax", t, t), true);
    }
    if let RawError::Lexical(LexicalKind::UnrecognizedChar(_)) = raw {
        if let Some(e) = toks.iter().find(|x| x.kind == Kind::ErrorTok) {
            return (syntax(map, "invalid syntax", e, e), true);
        }
    }
    if t.kind == Kind::Indent {
        let mut e = err_span(
            map,
            CompileErrorKind::IndentationError,
            "unexpected indent",
            t,
            t,
        );
        e.offset = map.char_offset(t.line, t.end_col) as i32 - 1;
        e.end_offset = -1;
        return (e, false);
    }
    if let Some(e) = invalid_for_target(map, toks, k) {
        return (e, true);
    }
    if let Some(e) = except_clause_error(map, toks, k) {
        return (e, true);
    }
    // Skip DEDENTs to the token the parser is really looking at.
    let mut k = k;
    while toks.get(k).is_some_and(|t| t.kind == Kind::Dedent) {
        k += 1;
    }
    let dedents = toks
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.kind == Kind::Dedent)
        .count();
    // When the parser's lookahead was a DEDENT, CPython points at it: the
    // offset is the new indentation's width, with no end.
    let at_dedent = |e: &mut CompileError, t: &Token, lookahead_is_dedent: bool| {
        if lookahead_is_dedent && t.kind != Kind::EndMarker {
            e.offset = map.char_offset(t.line, t.col) as i32 - 1;
            e.end_line = t.line;
            e.end_offset = -1;
        }
    };
    let t = toks.get(k).or_else(|| toks.last()).unwrap_or(t);
    let prev = k.checked_sub(1).and_then(|i| toks.get(i));
    let start = line_start(toks, k);
    let first = toks.get(start);
    let header = first.map_or("", |f| if f.kind == Kind::Name { f.text } else { "" });

    // A block header without its indented body.
    let mut b = k;
    while b > 0 && toks.get(b - 1).is_some_and(|t| t.kind == Kind::Dedent) {
        b -= 1;
    }
    if b >= 2
        && toks.get(b - 1).is_some_and(|t| t.kind == Kind::Newline)
        && toks.get(b - 2).is_some_and(|t| t.is(":"))
        && t.kind != Kind::Indent
    {
        let hstart = line_start(toks, b - 1);
        if let Some(h) = toks.get(hstart) {
            let star = h.is("except") && toks.get(hstart + 1).is_some_and(|t| t.is("*"));
            let name = if star {
                Some("'except*' statement")
            } else {
                block_name(h.text)
            };
            if let Some(name) = name {
                let msg = format!("expected an indented block after {name} on line {}", h.line);
                let mut e = err_span(map, CompileErrorKind::IndentationError, msg, t, t);
                at_dedent(&mut e, t, dedents >= 1);
                return (e, true);
            }
        }
    }

    // A try body not followed by except/finally.
    if !t.is("except") && !t.is("finally") {
        if let Some(msg) = try_without_handler(toks, k) {
            let mut e = syntax(map, msg, t, t);
            at_dedent(&mut e, t, dedents >= 2);
            return (e, true);
        }
    }

    let colon_seen = toks
        .get(start..k)
        .unwrap_or(&[])
        .iter()
        .any(|x| x.is(":") && x.depth == 0);
    if header == "def" && k == start + 2 && !t.is("(") {
        return (syntax(map, "expected '('", t, t), true);
    }
    if t.kind == Kind::Newline {
        let needs_more = (matches!(
            header,
            "if" | "elif" | "while" | "for" | "with" | "class" | "def"
        ) && k < start + 2)
            || (header == "for"
                && !toks
                    .get(start..k)
                    .unwrap_or(&[])
                    .iter()
                    .any(|x| x.is("in") && x.depth == 0));
        if matches!(
            header,
            "if" | "elif"
                | "while"
                | "for"
                | "with"
                | "class"
                | "def"
                | "except"
                | "else"
                | "try"
                | "finally"
        ) && !colon_seen
            && !needs_more
        {
            return (syntax(map, "expected ':'", t, t), true);
        }
        if header == "from" && prev.is_some_and(|p| p.is(",")) {
            return (
                syntax(
                    map,
                    "trailing comma not allowed without surrounding parentheses",
                    t,
                    t,
                ),
                true,
            );
        }
    }
    if matches!(header, "else" | "try" | "finally") && k == start + 1 && !t.is(":") {
        return (syntax(map, "expected ':'", t, t), true);
    }
    if header == "def" && t.depth == 0 && !t.is(":") && !colon_seen {
        let tokens_before = toks.get(start..k).unwrap_or(&[]);
        if tokens_before.iter().any(|x| x.is(")") && x.depth == 0) {
            return (syntax(map, "expected ':'", t, t), true);
        }
    }
    // Parameter lists.
    let in_params = (header == "def" && t.depth == 1 && !colon_seen)
        || (toks
            .get(start..k)
            .unwrap_or(&[])
            .iter()
            .any(|x| x.is("lambda"))
            && t.depth == 0);
    if in_params {
        let p1 = prev;
        let p2 = k.checked_sub(2).and_then(|i| toks.get(i));
        let p3 = k.checked_sub(3).and_then(|i| toks.get(i));
        if let Some(p1) = p1.filter(|p| p.is("*")) {
            if t.is(")") || t.is(",") || t.is(":") {
                return (
                    syntax(map, "named arguments must follow bare *", p1, p1),
                    true,
                );
            }
        }
        if let (Some(p1), Some(p2)) = (p1, p2) {
            if t.is("**") && p1.is(",") && p2.is("*") {
                return (
                    syntax(map, "named arguments must follow bare *", p2, p2),
                    true,
                );
            }
        }
        if let (Some(p1), Some(p3)) = (p1, p3) {
            if p1.is(",") && p3.is("**") && !t.is(")") {
                return (
                    syntax(map, "arguments cannot follow var-keyword argument", t, t),
                    true,
                );
            }
        }
    }

    // print "x"
    if k == start + 1 && matches!(header, "print" | "exec") && starts_expr(t) && !t.is("(") {
        let mut end = k;
        while toks
            .get(end + 1)
            .is_some_and(|x| x.kind != Kind::Newline && !(x.is(";") && x.depth == 0))
        {
            end += 1;
        }
        let (Some(f), Some(l)) = (first, toks.get(end)) else {
            return (syntax(map, "invalid syntax", t, t), true);
        };
        let msg = format!("Missing parentheses in call to '{header}'. Did you mean {header}(...)?");
        return (syntax(map, msg, f, l), true);
    }

    // `yield = 1`
    if t.is("=") && header == "yield" && t.depth == 0 {
        if let (Some(f), Some(p)) = (first, prev) {
            return (
                syntax(map, "assignment to yield expression not possible", f, p),
                true,
            );
        }
    }
    if let Some(p) = prev {
        // `(True := 1)`
        if t.is(":=") && matches!(p.text, "True" | "False" | "None") && p.kind == Kind::Name {
            let msg = format!("cannot use assignment expressions with {}", p.text);
            return (syntax(map, msg, p, p), true);
        }
        // `f(x.y=1)`: a keyword argument that is not a name.
        if t.is("=") && t.depth > 0 && ends_expr(p) {
            let a = expr_start(toks, k - 1);
            // The node of `(x)` is `x`: its span excludes the parentheses.
            let (mut node, mut end) = (a, k - 1);
            while node < end
                && toks.get(node).is_some_and(|x| x.is("("))
                && matching_close(toks, node) == end
            {
                node += 1;
                end -= 1;
            }
            let in_call = a >= 1 && toks.get(a - 1).is_some_and(|x| x.is("(") || x.is(","));
            let opener = toks
                .get(..a)
                .unwrap_or(&[])
                .iter()
                .rev()
                .find(|x| x.depth + 1 == t.depth);
            let in_call = in_call && opener.is_some_and(|o| o.is("("));
            let plain_name = a == k - 1 && p.kind == Kind::Name && !p.is_keyword();
            if in_call && !plain_name {
                if let Some(from) = toks.get(node) {
                    let msg = if a == k - 1 && matches!(p.text, "True" | "False" | "None") {
                        format!("cannot assign to {}", p.text)
                    } else {
                        "expression cannot contain assignment, perhaps you meant \"==\"?".to_owned()
                    };
                    return (syntax(map, msg, from, t), true);
                }
            }
        }
        // `[x, y for x, y in z]`
        if t.is("for") && t.depth > 0 {
            let open = toks
                .get(..k)
                .unwrap_or(&[])
                .iter()
                .rposition(|x| x.depth + 1 == t.depth && (x.is("[") || x.is("{") || x.is("(")));
            if let Some(open) = open {
                let inner = toks.get(open + 1..k).unwrap_or(&[]);
                if inner.iter().any(|x| x.is(",") && x.depth == t.depth) {
                    if let (Some(f), Some(l)) = (toks.get(open + 1), toks.get(k - 1)) {
                        let msg = "did you forget parentheses around the comprehension target?";
                        return (syntax(map, msg, f, l), true);
                    }
                }
            }
        }
        // `if x = 1:` / `(x = 1)`
        if t.is("=") && p.kind == Kind::Name && !p.is_keyword() {
            let in_condition = matches!(header, "if" | "elif" | "while") || t.depth > 0;
            if in_condition {
                let end = expr_end(toks, k + 1);
                if let Some(last) = toks.get(end).filter(|_| end > k) {
                    if !toks.get(end + 1).is_some_and(|n| n.is("=") || n.is(":=")) {
                        return (
                            syntax(
                                map,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                                p,
                                last,
                            ),
                            true,
                        );
                    }
                }
            }
        }
        // `[a b]`: a missing comma.
        if t.depth > 0
            && !in_params
            && starts_expr(t)
            && ends_expr(p)
            && !(p.kind == Kind::Name && t.kind == Kind::String)
            && p.depth == t.depth
        {
            let a = expr_start(toks, k - 1);
            let b = expr_end(toks, k);
            if let (Some(a), Some(b)) = (toks.get(a), toks.get(b)) {
                return (
                    syntax(map, "invalid syntax. Perhaps you forgot a comma?", a, b),
                    true,
                );
            }
        }
        // `x = 1 if y` without else.
        if matches!(t.kind, Kind::Newline) || t.is(")") || t.is("]") || t.is("}") || t.is(",") {
            if let Some(e) = if_without_else(map, toks, k) {
                return (e, true);
            }
        }
    }
    (syntax(map, "invalid syntax", t, t), true)
}

/// "expected 'except' or 'finally' block" when the block that just ended
/// before token `k` is the body of a `try`.
fn try_without_handler(toks: &[Token], k: usize) -> Option<&'static str> {
    // Walk back over the DEDENT that closed the try body, to its INDENT.
    let mut i = k;
    let mut dedents = 0;
    while i > 0 && toks.get(i - 1).is_some_and(|t| t.kind == Kind::Dedent) {
        i -= 1;
        dedents += 1;
    }
    let at_eof = toks.get(k).is_some_and(|t| t.kind == Kind::EndMarker);
    if dedents == 0 && !at_eof {
        return None;
    }
    // Find the INDENT matching the innermost closed block: for the token at
    // k (after `dedents` dedents) the relevant block is the last closed one.
    let mut level = 0i32;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match toks.get(j).map(|t| t.kind) {
            Some(Kind::Dedent) => level += 1,
            Some(Kind::Indent) => {
                if level == 0 {
                    break;
                }
                level -= 1;
            }
            _ => {}
        }
        if j == 0 {
            return None;
        }
    }
    let indent = j;
    if indent < 2
        || !toks
            .get(indent - 1)
            .is_some_and(|t| t.kind == Kind::Newline)
        || !toks.get(indent - 2).is_some_and(|t| t.is(":"))
    {
        return None;
    }
    let h = line_start(toks, indent - 1);
    let header = toks.get(h)?;
    (header.is("try") && indent - 2 == h + 1).then_some("expected 'except' or 'finally' block")
}

/// "expected 'else' after 'if' expression".
fn if_without_else(map: &SourceMap, toks: &[Token], k: usize) -> Option<CompileError> {
    let t = toks.get(k)?;
    let closing = t.is(")") || t.is("]") || t.is("}");
    let depth = if closing { t.depth + 1 } else { t.depth };
    let mut i = k;
    while i > 0 {
        i -= 1;
        let x = toks.get(i)?;
        if x.depth < depth || x.kind == Kind::Newline || x.kind == Kind::Indent {
            return None;
        }
        if x.depth > depth {
            continue;
        }
        if x.is("else") || x.is("for") || x.is(",") || x.is("=") || x.is(":") {
            return None;
        }
        if x.is("if") {
            if i == 0 || toks.get(i - 1).is_some_and(|p| !ends_expr(p)) {
                return None;
            }
            let body = expr_start(toks, i - 1);
            let from = toks.get(body)?;
            let to = toks.get(k - 1)?;
            return Some(syntax(
                map,
                "expected 'else' after 'if' expression",
                from,
                to,
            ));
        }
    }
    None
}

/// Errors the parser crate reports as lexical that CPython reports from
/// its grammar, with CPython's positions.
fn lexical(map: &SourceMap, toks: &[Token], k: usize, kind: &LexicalKind) -> Option<CompileError> {
    let t = toks.get(k)?;
    Some(match kind {
        LexicalKind::DuplicateArgument(name) => CompileError {
            text: None,
            ..syntax(
                map,
                format!("duplicate argument '{name}' in function definition"),
                t,
                t,
            )
        },
        LexicalKind::DefaultArgument => {
            syntax(map, "non-default argument follows default argument", t, t)
        }
        LexicalKind::PositionalArgument => {
            // Reported at the call's closing parenthesis.
            let depth = t.depth;
            let close = toks
                .iter()
                .skip(k)
                .find(|x| x.depth + 1 == depth && (x.is(")") || x.is("]")))
                .unwrap_or(t);
            let open = toks
                .get(..k)
                .unwrap_or(&[])
                .iter()
                .rposition(|x| x.depth + 1 == depth && x.is("("))
                .unwrap_or(0);
            let after_dstar = toks
                .get(open..k)
                .unwrap_or(&[])
                .iter()
                .any(|x| x.depth == depth && x.is("**"));
            let msg = if after_dstar {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            syntax(map, msg, close, close)
        }
        LexicalKind::UnpackedArgument => {
            let star = toks
                .get(..=k)
                .unwrap_or(&[])
                .iter()
                .rev()
                .find(|x| x.is("*"))
                .unwrap_or(t);
            syntax(
                map,
                "iterable argument unpacking follows keyword argument unpacking",
                star,
                star,
            )
        }
        LexicalKind::DuplicateKeyword(name) => {
            let end = expr_end(toks, k + 2);
            let last = toks.get(end).unwrap_or(t);
            CompileError {
                text: None,
                ..syntax(map, format!("keyword argument repeated: {name}"), t, last)
            }
        }
        LexicalKind::FString(msg) => {
            let s = toks
                .iter()
                .rev()
                .find(|x| x.kind == Kind::String && x.start <= t.start.max(1))
                .unwrap_or(t);
            let (message, width) = fstring_message(msg);
            let off = map.char_offset(s.end_line, s.end_col) as i32;
            let mut e = syntax(map, message, s, s);
            e.line = s.end_line;
            e.offset = off;
            e.end_line = s.end_line;
            e.end_offset = off + width;
            e.text = map.error_text(s.end_line);
            e
        }
        LexicalKind::Other(msg) if msg == "named arguments must follow bare *" => {
            syntax(map, msg.as_str(), t, t)
        }
        LexicalKind::Other(msg) if msg == "cannot use starred expression here" => {
            let end = expr_end(toks, k + 1);
            syntax(map, msg.as_str(), t, toks.get(end).unwrap_or(t))
        }
        LexicalKind::Other(msg) if msg == "named arguments must follow bare *" => {
            syntax(map, msg.as_str(), t, t)
        }
        LexicalKind::Other(msg) if msg == "cannot use starred expression here" => {
            let end = expr_end(toks, k + 1);
            syntax(map, msg.as_str(), t, toks.get(end).unwrap_or(t))
        }
        _ => return None,
    })
}

/// CPython's message for an f-string error, and the width of its span.
fn fstring_message(crate_msg: &str) -> (String, i32) {
    let m = crate_msg.to_ascii_lowercase();
    if m.contains("empty expression") {
        ("f-string: empty expression not allowed".into(), 1)
    } else if m.contains("single '}'") || m.contains("unopened") {
        ("f-string: single '}' is not allowed".into(), 0)
    } else if m.contains("conversion") {
        (
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
            1,
        )
    } else if m.contains("backslash") {
        (
            "f-string expression part cannot include a backslash".into(),
            1,
        )
    } else if m.contains("'#'") {
        ("f-string expression part cannot include '#'".into(), 1)
    } else if m.contains("nested too deeply") {
        ("f-string: expressions nested too deeply".into(), 1)
    } else if m.contains("expecting") || m.contains("unclosed") || m.contains("expected") {
        ("f-string: expecting '}'".into(), 1)
    } else {
        ("f-string: invalid syntax".into(), 1)
    }
}

/// Errors in a `def` or `lambda` parameter list containing token `k`, in
/// the order CPython's grammar reports them.
fn parameter_error(map: &SourceMap, toks: &[Token], k: usize) -> Option<CompileError> {
    let (open, close) = parameter_region(toks, k)?;
    let depth = toks.get(open + 1).map_or(0, |t| t.depth);
    let region = toks.get(open + 1..close)?;
    let mut entries: Vec<&[Token]> = Vec::new();
    let mut from = 0;
    for (i, t) in region.iter().enumerate() {
        if t.is(",") && t.depth == depth {
            entries.push(region.get(from..i)?);
            from = i + 1;
        }
    }
    entries.push(region.get(from..)?);
    let (mut seen_slash, mut seen_star, mut seen_kwargs) = (false, false, false);
    for (i, e) in entries.iter().enumerate() {
        let Some(first) = e.first() else {
            continue;
        };
        if seen_kwargs {
            let msg = "arguments cannot follow var-keyword argument";
            return Some(syntax(map, msg, first, first));
        }
        let eq = e.iter().position(|t| t.is("=") && t.depth == depth);
        if first.is("/") {
            if let Some(star) = e.get(1).filter(|t| t.is("*")) {
                return Some(syntax(map, "expected comma between / and *", star, star));
            }
            let msg = if i == 0 {
                "at least one argument must precede /"
            } else if seen_slash {
                "/ may appear only once"
            } else if seen_star {
                "/ must be ahead of *"
            } else {
                seen_slash = true;
                continue;
            };
            return Some(syntax(map, msg, first, first));
        }
        if first.is("*") {
            if seen_star {
                return Some(syntax(map, "* argument may appear only once", first, first));
            }
            if let Some(eq) = eq.and_then(|i| e.get(i)) {
                let msg = "var-positional argument cannot have default value";
                return Some(syntax(map, msg, eq, eq));
            }
            seen_star = true;
            continue;
        }
        if first.is("**") {
            if let Some(eq) = eq.and_then(|i| e.get(i)) {
                return Some(syntax(
                    map,
                    "var-keyword argument cannot have default value",
                    eq,
                    eq,
                ));
            }
            seen_kwargs = true;
            continue;
        }
        if let Some(i) = eq {
            if i + 1 == e.len() {
                let eq = e.get(i)?;
                return Some(syntax(map, "expected default value expression", eq, eq));
            }
        }
    }
    None
}

/// The tokens bounding the parameter list around token `k`: `(` and `)`
/// of a `def`, or `lambda` and its `:`.
fn parameter_region(toks: &[Token], k: usize) -> Option<(usize, usize)> {
    let start = line_start(toks, k);
    for i in start..=k.min(toks.len().saturating_sub(1)) {
        let t = toks.get(i)?;
        if t.is("def") {
            let open = i + 2;
            if !toks.get(open).is_some_and(|t| t.is("(")) {
                continue;
            }
            let close = matching_close(toks, open);
            if open < k && k <= close {
                return Some((open, close));
            }
        }
        if t.is("lambda") {
            let colon = toks
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, x)| x.depth == t.depth && (x.is(":") || x.kind == Kind::Newline))
                .map_or(toks.len(), |(j, _)| j);
            if i < k && k <= colon {
                return Some((i, colon));
            }
        }
    }
    None
}

/// `for (a + 1) in x:`: CPython re-reads the target as an expression and
/// names its first part that cannot be assigned to.
fn invalid_for_target(map: &SourceMap, toks: &[Token], k: usize) -> Option<CompileError> {
    let start = line_start(toks, k);
    if !toks.get(start)?.is("for") {
        return None;
    }
    let end = toks
        .iter()
        .enumerate()
        .skip(start + 1)
        .find(|(i, t)| *i >= k || (t.is("in") && t.depth == 0) || t.kind == Kind::Newline)
        .map_or(k, |(i, _)| i);
    let (first, last) = (toks.get(start + 1)?, toks.get(end.checked_sub(1)?)?);
    if end <= start + 1 {
        return None;
    }
    let from = first.start;
    let to = map.offset(last.end_line, last.end_col);
    let fragment = map.source().get(from..to)?;
    let crate::ast::Module::Eval(target) =
        crate::parse(fragment, map.filename(), crate::Mode::Eval).ok()?
    else {
        return None;
    };
    let bad = crate::codegen::invalid_target(&target)?;
    let mut loc = bad.loc;
    let shift = |line: &mut u32, col: &mut u32| {
        if *line == 1 {
            *col += first.col;
        }
        *line += first.line - 1;
    };
    shift(&mut loc.line, &mut loc.col);
    shift(&mut loc.end_line, &mut loc.end_col);
    let msg = format!("cannot assign to {}", crate::codegen::expr_name(bad));
    Some(map.syntax_error(msg, loc))
}

/// `single` mode takes exactly one statement (simple statements joined by
/// `;` count as one). CPython's errors for empty input and for more than
/// one statement.
pub fn check_single(map: &SourceMap) -> Result<(), CompileError> {
    let scanned = scan::scan(map.source());
    if scanned.error.is_some() {
        // The parser reports it with the right precedence.
        return Ok(());
    }
    let toks = &scanned.tokens;
    let significant =
        |t: &&Token| !matches!(t.kind, Kind::Newline | Kind::Dedent | Kind::EndMarker);
    let Some(first) = toks.iter().find(significant) else {
        let (line, text) = match map.line_count() {
            0 => (0, String::new()),
            n if map.source().is_empty() => (n - 1, String::new()),
            n => (n, map.line_text(n).unwrap_or("").to_owned()),
        };
        return Err(CompileError {
            kind: CompileErrorKind::SyntaxError,
            message: "invalid syntax".to_owned(),
            filename: map.filename().to_owned(),
            line,
            offset: 0,
            end_line: line,
            end_offset: 0,
            text: Some(text),
        });
    };
    let compound = first.kind == Kind::Name
        && matches!(
            first.text,
            "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async" | "match"
        )
        || first.is("@");
    // The end of the first statement: its NEWLINE, or for a compound
    // statement the DEDENT closing its block (if it has one).
    // Decorators belong to the statement: its header is the line of the
    // `def`/`class` they decorate (keywords cannot occur inside them).
    let header = if first.is("@") {
        let def = toks
            .iter()
            .position(|t| t.kind == Kind::Name && matches!(t.text, "def" | "class" | "async"));
        let Some(def) = def else {
            return Ok(());
        };
        def
    } else {
        0
    };
    let Some(nl) = toks
        .iter()
        .skip(header)
        .position(|t| t.kind == Kind::Newline)
        .map(|p| p + header)
    else {
        return Ok(());
    };
    let mut end = nl;
    if compound {
        loop {
            // `end` is a header's NEWLINE: skip its indented block, if any.
            if toks.get(end + 1).is_some_and(|t| t.kind == Kind::Indent) {
                let mut level = 0;
                for (i, t) in toks.iter().enumerate().skip(end + 1) {
                    match t.kind {
                        Kind::Indent => level += 1,
                        Kind::Dedent => {
                            level -= 1;
                            if level == 0 {
                                end = i;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            // `elif`/`else`/`except`/`finally` clauses continue the statement.
            let clause = toks
                .iter()
                .enumerate()
                .skip(end + 1)
                .find(|(_, t)| significant(t));
            let Some((at, t)) = clause else { break };
            if !(t.kind == Kind::Name && matches!(t.text, "elif" | "else" | "except" | "finally")) {
                break;
            }
            match toks.iter().skip(at).position(|t| t.kind == Kind::Newline) {
                Some(p) => end = at + p,
                None => return Ok(()),
            }
        }
    }
    let Some(next) = toks.iter().skip(end + 1).find(significant) else {
        return Ok(());
    };
    if compound {
        return Err(syntax(map, "invalid syntax", next, next));
    }
    let t = toks.get(nl).unwrap_or(next);
    let msg = "multiple statements found while compiling a single statement";
    let mut e = syntax(map, msg, t, t);
    e.end_offset = e.offset;
    Err(e)
}

/// Whether `source` is an unfinished interactive input: the REPL should
/// read another line (CPython's `...` prompt) instead of compiling it. True
/// inside open brackets, triple-quoted strings and backslash
/// continuations, and for a compound statement not yet ended by a blank
/// line.
pub fn incomplete_input(source: &str) -> bool {
    let scanned = scan::scan(source);
    if let Some(e) = &scanned.error {
        return e.never_closed
            || e.message
                .starts_with("unterminated triple-quoted string literal")
            || e.message == "unexpected EOF while parsing";
    }
    let toks = &scanned.tokens;
    let Some(first) = toks
        .iter()
        .find(|t| !matches!(t.kind, Kind::Newline | Kind::Dedent | Kind::EndMarker))
    else {
        return false;
    };
    let compound = first.is("@")
        || (first.kind == Kind::Name
            && matches!(
                first.text,
                "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async"
            ))
        || ((first.is("match")) && toks.iter().any(|t| t.is(":") && t.depth == 0));
    if !compound {
        return false;
    }
    // A compound statement ends at an empty line.
    let trimmed = source.trim_end_matches([' ', '\t', '\x0c']);
    !(trimmed.ends_with("\n\n") || trimmed.ends_with("\r\n\r\n") || trimmed.ends_with("\n\r\n"))
}
