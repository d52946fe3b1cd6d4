//! Source text to our AST, through rustpython-parser.
//!
//! This is the only module that names the parser crate's types: swapping the
//! parser means rewriting this file alone. It lexes, checks bracket and
//! indentation depth as CPython's tokenizer does, parses, converts parse
//! errors to CPython's messages, and lowers the crate's AST to
//! [`crate::ast`], bounding nesting depth as CPython's compiler does.

use rustpython_parser::ast as rp;
use rustpython_parser::lexer::{self, LexResult, LexicalError, LexicalErrorType};
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::{Mode as RpMode, ParseErrorType, StringKind, Tok};

use crate::ast::*;
use crate::error::{CompileError, CompileErrorKind};
use crate::escapes;
use crate::parse_errors;
use crate::source_map::SourceMap;
use crate::warning::{CompileWarning, WarningCategory};
use crate::Mode;

/// Most open brackets at once (CPython's tokenizer limit).
const MAX_PAREN_NESTING: usize = 200;
/// Indentation levels CPython's tokenizer accepts (fewer than this).
const MAX_INDENT: usize = 100;
/// Nesting of statements and expressions the compiler accepts, counting
/// the module as 1; deeper gives CPython's "maximum recursion depth exceeded
/// during compilation" (its limit, measured at top level, is about here).
pub const MAX_AST_DEPTH: u32 = 2992;

/// Stack for the parser crate: a base, plus room to drop one nested tree
/// level per token (see `parse`).
const MIN_PARSE_STACK: usize = 256 * 1024;
const PARSE_STACK_PER_TOKEN: usize = 512;

/// Marker put in the token stream where the tokenizer's depth limits hit.
const TOO_MANY_PARENS: &str = "\u{0}too many nested parentheses";
const TOO_DEEP_INDENT: &str = "\u{0}too many levels of indentation";

/// Parse `source` in `mode` into our AST.
pub fn parse(source: &str, map: &SourceMap, mode: Mode) -> Result<Module, CompileError> {
    parse_with_warnings(source, map, mode, &mut Vec::new())
}

/// [`parse`], collecting the warnings of string literals (invalid escape
/// sequences) into `warnings`.
pub fn parse_with_warnings(
    source: &str,
    map: &SourceMap,
    mode: Mode,
    warnings: &mut Vec<CompileWarning>,
) -> Result<Module, CompileError> {
    if source.starts_with('\u{feff}') {
        // As CPython's compile() of a str: a byte order mark is an error
        // (whoever decodes a file strips it first).
        return Err(parse_errors::to_compile_error(
            map,
            RawError::Lexical(LexicalKind::UnrecognizedChar('\u{feff}')),
            0,
        ));
    }
    if mode == Mode::Single {
        parse_errors::check_single(map)?;
    }
    let rp_mode = match mode {
        Mode::Exec => RpMode::Module,
        Mode::Eval => RpMode::Expression,
        Mode::Single => RpMode::Interactive,
    };
    let cleaned = blank_lines_as_spaces(source);
    let mut tokens = lex_checked(&cleaned, rp_mode);
    fix_fstrings(map, &mut tokens, mode == Mode::Eval)?;
    for (tok, _) in tokens.iter_mut().flatten() {
        if let Tok::String { value, kind, .. } = tok {
            if !kind.is_raw() && !kind.is_any_bytes() {
                if let Some(v) = crate::surrogate_literals::store_surrogate_escapes(value) {
                    *value = v;
                }
            }
        }
    }
    for (tok, range) in tokens.iter().flatten() {
        if let Tok::String { .. } = tok {
            let (start, end) = (usize::from(range.start()), usize::from(range.end()));
            if let Some(message) = source
                .get(start..end)
                .and_then(escapes::first_invalid_escape)
            {
                let loc = map.location(start, end);
                warnings.push(CompileWarning {
                    category: WarningCategory::DeprecationWarning,
                    message,
                    filename: map.filename().to_owned(),
                    line: loc.line,
                    loc,
                });
            }
        }
    }
    // On a syntax error the parser crate drops the partial trees on its
    // stack recursively; their depth is bounded by the token count, so give
    // it a stack of that order (reserved lazily, only for long inputs).
    let stack = MIN_PARSE_STACK + tokens.len() * PARSE_STACK_PER_TOKEN;
    let filename = map.filename();
    let parsed = stacker::maybe_grow(stack, stack, || {
        rustpython_parser::parse_tokens(tokens, rp_mode, filename)
    });
    let parsed = match parsed {
        Ok(m) => m,
        Err(err) => return Err(convert_parse_error(map, err.error, err.offset)),
    };
    let mut lowerer = Lowerer {
        map,
        graveyard: Vec::new(),
        too_deep: false,
        error: None,
    };
    let module = match parsed {
        rp::Mod::Module(m) => Module::Exec(lowerer.stmts(m.body, 1)),
        rp::Mod::Interactive(m) => Module::Single(lowerer.stmts(m.body, 1)),
        rp::Mod::Expression(e) => Module::Eval(lowerer.expr(*e.body, 1)),
        rp::Mod::FunctionType(_) => {
            return Err(CompileError::bare(
                CompileErrorKind::SyntaxError,
                "invalid syntax",
                map.filename(),
            ))
        }
    };
    lowerer.bury_all();
    if lowerer.too_deep {
        return Err(CompileError::recursion(map.filename()));
    }
    if let Some(err) = lowerer.error {
        return Err(err);
    }
    Ok(module)
}

/// The parser crate's lexer checks tab/space mixing even on blank and
/// comment-only lines, which CPython ignores: turn the indentation of such
/// lines into spaces (same byte length, so positions are unchanged).
fn blank_lines_as_spaces(source: &str) -> std::borrow::Cow<'_, str> {
    if !source.contains(['\t', '\x0c']) {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
        let rest = &line[indent..];
        if rest.trim_end_matches(['\n', '\r']).is_empty() || rest.starts_with('#') {
            out.push_str(&" ".repeat(indent));
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Lex everything, stopping the stream with an error token where CPython's
/// tokenizer limits (bracket nesting, indentation depth) are exceeded, so
/// the parser never builds an absurdly deep tree from brackets.
/// Checks the replacement fields of f-string tokens as CPython 3.11 does
/// and rewrites what the crate's f-string scanner cannot take
/// (`fstring_fix.rs`). Errors are reported at the end of the token.
/// In eval mode CPython points at the token's last character, else just
/// past it.
fn fix_fstrings(map: &SourceMap, tokens: &mut [LexResult], eval: bool) -> Result<(), CompileError> {
    // A tokenizer error on the f-string's line is reported first.
    let lex_error_at = tokens
        .iter()
        .find_map(|t| t.as_ref().err().map(|e| usize::from(e.location)));
    // CPython reports them at the token its parser fetched next.
    let next_widths: Vec<u32> = {
        let toks: Vec<_> = tokens.iter().flatten().collect();
        (0..toks.len())
            .map(|i| match toks.get(i + 1) {
                Some((Tok::Newline | Tok::EndOfFile, _)) | None => 0,
                Some((_, r)) => u32::from(r.len()).min(1),
            })
            .collect()
    };
    for (k, (tok, range)) in tokens.iter_mut().flatten().enumerate() {
        let Tok::String { value, kind, .. } = tok else {
            continue;
        };
        if !matches!(kind, StringKind::FString | StringKind::RawFString) {
            continue;
        }
        match crate::fstring_fix::fix(value) {
            Ok(Some(fixed)) => *value = fixed,
            Ok(None) => {}
            Err(message) => {
                let (line, col) = map.position(usize::from(range.end()));
                if lex_error_at.is_some_and(|at| map.position(at).0 <= line) {
                    continue;
                }
                if crate::scan::scan(map.source())
                    .error
                    .is_some_and(|e| e.line <= line)
                {
                    continue;
                }
                let offset = map.char_offset(line, col) as i32 - i32::from(eval);
                let text = map
                    .line_text(line)
                    .map(|t| format!("{}\n", t.trim_end_matches(['\n', '\r'])));
                return Err(CompileError {
                    kind: CompileErrorKind::SyntaxError,
                    message,
                    filename: map.filename().to_owned(),
                    line,
                    offset,
                    end_line: line,
                    end_offset: offset + next_widths.get(k).copied().unwrap_or(0) as i32,
                    text,
                });
            }
        }
    }
    Ok(())
}

fn lex_checked(source: &str, mode: RpMode) -> Vec<LexResult> {
    let mut out = Vec::new();
    let mut parens = 0usize;
    let mut indents = 0usize;
    for tok in lexer::lex(source, mode) {
        let stop = match &tok {
            Ok((Tok::Lpar | Tok::Lsqb | Tok::Lbrace, range)) => {
                parens += 1;
                (parens > MAX_PAREN_NESTING).then(|| limit_error(TOO_MANY_PARENS, range.start()))
            }
            Ok((Tok::Rpar | Tok::Rsqb | Tok::Rbrace, _)) => {
                parens = parens.saturating_sub(1);
                None
            }
            Ok((Tok::Indent, range)) => {
                indents += 1;
                (indents >= MAX_INDENT).then(|| limit_error(TOO_DEEP_INDENT, range.end()))
            }
            Ok((Tok::Dedent, _)) => {
                indents = indents.saturating_sub(1);
                None
            }
            Ok(_) => None,
            Err(_) => {
                out.push(tok);
                return out;
            }
        };
        match stop {
            Some(err) => {
                out.push(Err(err));
                return out;
            }
            None => out.push(tok),
        }
    }
    out
}

fn limit_error(marker: &str, location: TextSize) -> LexicalError {
    LexicalError {
        error: LexicalErrorType::OtherError(marker.to_owned()),
        location,
    }
}

/// What the parser crate reported, in parser-neutral terms for
/// `parse_errors`.
#[derive(Debug, Clone, PartialEq)]
pub enum RawError {
    /// Unexpected end of input.
    Eof,
    /// An unexpected token, described (`"name"`, `")"`, `"newline"`, ...).
    UnexpectedToken(TokenDesc),
    /// A token after a complete input (eval mode).
    ExtraToken(TokenDesc),
    /// A lexical error with the crate's message.
    Lexical(LexicalKind),
}

/// The kind of an unexpected token, as far as error messages care.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenDesc {
    Name(String),
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    /// Punctuation or keyword text, e.g. `")"`, `"="`, `"else"`.
    Text(&'static str),
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LexicalKind {
    Indentation,
    Tab,
    Eof,
    LineContinuation,
    UnrecognizedChar(char),
    TooManyParens,
    TooDeepIndent,
    DuplicateArgument(String),
    DefaultArgument,
    PositionalArgument,
    UnpackedArgument,
    DuplicateKeyword(String),
    FString(String),
    /// An escape sequence in a string literal that cannot be decoded.
    Escape,
    Other(String),
}

fn describe(tok: &Tok) -> TokenDesc {
    match tok {
        Tok::Name { name } => TokenDesc::Name(name.clone()),
        Tok::Int { .. } | Tok::Float { .. } | Tok::Complex { .. } => TokenDesc::Number,
        Tok::String { .. } => TokenDesc::String,
        Tok::Newline => TokenDesc::Newline,
        Tok::Indent => TokenDesc::Indent,
        Tok::Dedent => TokenDesc::Dedent,
        Tok::EndOfFile => TokenDesc::EndOfFile,
        other => match token_text(other) {
            Some(t) => TokenDesc::Text(t),
            None => TokenDesc::Other,
        },
    }
}

fn token_text(tok: &Tok) -> Option<&'static str> {
    Some(match tok {
        Tok::Lpar => "(",
        Tok::Rpar => ")",
        Tok::Lsqb => "[",
        Tok::Rsqb => "]",
        Tok::Lbrace => "{",
        Tok::Rbrace => "}",
        Tok::Colon => ":",
        Tok::Comma => ",",
        Tok::Semi => ";",
        Tok::Plus => "+",
        Tok::Minus => "-",
        Tok::Star => "*",
        Tok::Slash => "/",
        Tok::Vbar => "|",
        Tok::Amper => "&",
        Tok::Less => "<",
        Tok::Greater => ">",
        Tok::Equal => "=",
        Tok::Dot => ".",
        Tok::Percent => "%",
        Tok::EqEqual => "==",
        Tok::NotEqual => "!=",
        Tok::LessEqual => "<=",
        Tok::GreaterEqual => ">=",
        Tok::Tilde => "~",
        Tok::CircumFlex => "^",
        Tok::LeftShift => "<<",
        Tok::RightShift => ">>",
        Tok::DoubleStar => "**",
        Tok::DoubleStarEqual => "**=",
        Tok::PlusEqual => "+=",
        Tok::MinusEqual => "-=",
        Tok::StarEqual => "*=",
        Tok::SlashEqual => "/=",
        Tok::PercentEqual => "%=",
        Tok::AmperEqual => "&=",
        Tok::VbarEqual => "|=",
        Tok::CircumflexEqual => "^=",
        Tok::LeftShiftEqual => "<<=",
        Tok::RightShiftEqual => ">>=",
        Tok::DoubleSlash => "//",
        Tok::DoubleSlashEqual => "//=",
        Tok::ColonEqual => ":=",
        Tok::At => "@",
        Tok::AtEqual => "@=",
        Tok::Rarrow => "->",
        Tok::Ellipsis => "...",
        Tok::False => "False",
        Tok::None => "None",
        Tok::True => "True",
        Tok::And => "and",
        Tok::As => "as",
        Tok::Assert => "assert",
        Tok::Async => "async",
        Tok::Await => "await",
        Tok::Break => "break",
        Tok::Class => "class",
        Tok::Continue => "continue",
        Tok::Def => "def",
        Tok::Del => "del",
        Tok::Elif => "elif",
        Tok::Else => "else",
        Tok::Except => "except",
        Tok::Finally => "finally",
        Tok::For => "for",
        Tok::From => "from",
        Tok::Global => "global",
        Tok::If => "if",
        Tok::Import => "import",
        Tok::In => "in",
        Tok::Is => "is",
        Tok::Lambda => "lambda",
        Tok::Nonlocal => "nonlocal",
        Tok::Not => "not",
        Tok::Or => "or",
        Tok::Pass => "pass",
        Tok::Raise => "raise",
        Tok::Return => "return",
        Tok::Try => "try",
        Tok::While => "while",
        Tok::With => "with",
        Tok::Yield => "yield",
        Tok::Match => "match",
        Tok::Case => "case",
        Tok::Type => "type",
        _ => return None,
    })
}

fn lexical_kind(err: LexicalErrorType) -> LexicalKind {
    match err {
        LexicalErrorType::IndentationError => LexicalKind::Indentation,
        LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => LexicalKind::Tab,
        LexicalErrorType::Eof => LexicalKind::Eof,
        LexicalErrorType::LineContinuationError => LexicalKind::LineContinuation,
        LexicalErrorType::UnrecognizedToken { tok } => LexicalKind::UnrecognizedChar(tok),
        LexicalErrorType::DuplicateArgumentError(name) => LexicalKind::DuplicateArgument(name),
        LexicalErrorType::DefaultArgumentError => LexicalKind::DefaultArgument,
        LexicalErrorType::PositionalArgumentError => LexicalKind::PositionalArgument,
        LexicalErrorType::UnpackedArgumentError => LexicalKind::UnpackedArgument,
        LexicalErrorType::DuplicateKeywordArgumentError(name) => {
            LexicalKind::DuplicateKeyword(name)
        }
        LexicalErrorType::FStringError(e) => LexicalKind::FString(e.to_string()),
        LexicalErrorType::UnicodeError | LexicalErrorType::StringError => LexicalKind::Escape,
        LexicalErrorType::OtherError(msg) if msg == TOO_MANY_PARENS => LexicalKind::TooManyParens,
        LexicalErrorType::OtherError(msg) if msg == TOO_DEEP_INDENT => LexicalKind::TooDeepIndent,
        other => LexicalKind::Other(other.to_string()),
    }
}

fn convert_parse_error(map: &SourceMap, err: ParseErrorType, offset: TextSize) -> CompileError {
    let raw = match err {
        ParseErrorType::Eof => RawError::Eof,
        ParseErrorType::ExtraToken(tok) => RawError::ExtraToken(describe(&tok)),
        ParseErrorType::InvalidToken => RawError::Eof,
        ParseErrorType::UnrecognizedToken(tok, _) => RawError::UnexpectedToken(describe(&tok)),
        ParseErrorType::Lexical(e) => RawError::Lexical(lexical_kind(e)),
    };
    parse_errors::to_compile_error(map, raw, usize::from(offset))
}

/// Converts the crate's AST into ours, consuming it. Subtrees nested deeper
/// than [`MAX_AST_DEPTH`] are not lowered: they go to the graveyard, which
/// takes them apart without recursion (dropping them would recurse).
struct Lowerer<'a, 'm> {
    map: &'a SourceMap<'m>,
    graveyard: Vec<rp::Expr>,
    too_deep: bool,
    /// The first grammar error the parser crate lets through.
    error: Option<CompileError>,
}

/// Stack space to keep free before recursing, and to add when short.
const RED_ZONE: usize = 128 * 1024;
const STACK_GROWTH: usize = 2 * 1024 * 1024;

impl Lowerer<'_, '_> {
    fn loc(&self, range: TextRange) -> Location {
        self.map
            .location(usize::from(range.start()), usize::from(range.end()))
    }

    fn stmts(&mut self, body: Vec<rp::Stmt>, depth: u32) -> Vec<Stmt> {
        body.into_iter().map(|s| self.stmt(s, depth + 1)).collect()
    }

    fn opt_expr(&mut self, e: Option<Box<rp::Expr>>, depth: u32) -> Option<Expr> {
        e.map(|e| self.expr(*e, depth))
    }

    fn box_expr(&mut self, e: rp::Expr, depth: u32) -> Box<Expr> {
        Box::new(self.expr(e, depth))
    }

    fn opt_box(&mut self, e: Option<Box<rp::Expr>>, depth: u32) -> Option<Box<Expr>> {
        e.map(|e| self.box_expr(*e, depth))
    }

    fn exprs(&mut self, es: Vec<rp::Expr>, depth: u32) -> Vec<Expr> {
        es.into_iter().map(|e| self.expr(e, depth)).collect()
    }

    fn stmt(&mut self, s: rp::Stmt, depth: u32) -> Stmt {
        if depth > MAX_AST_DEPTH {
            // Too deep (a long elif chain): dispose of it without recursion.
            let loc = self.loc(rp::Ranged::range(&s));
            self.too_deep = true;
            let mut stmts = vec![s];
            while let Some(s) = stmts.pop() {
                dismantle_stmt(s, &mut stmts, &mut self.graveyard);
                self.bury_all();
            }
            return Stmt {
                loc,
                kind: StmtKind::Pass,
            };
        }
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.stmt_inner(s, depth))
    }

    fn stmt_inner(&mut self, s: rp::Stmt, depth: u32) -> Stmt {
        let loc = self.loc(rp::Ranged::range(&s));
        let d = depth + 1;
        let unsupported = |feature| StmtKind::Unsupported { feature };
        let kind = match s {
            rp::Stmt::FunctionDef(f) => {
                if !f.type_params.is_empty() {
                    unsupported("type parameter lists")
                } else {
                    StmtKind::FunctionDef(Box::new(FunctionDef {
                        name: f.name.to_string(),
                        args: self.arguments(*f.args, d, false),
                        body: self.stmts(f.body, depth),
                        decorators: self.exprs(f.decorator_list, d),
                        returns: self.opt_expr(f.returns, d),
                        is_async: false,
                    }))
                }
            }
            rp::Stmt::ClassDef(c) => {
                if !c.type_params.is_empty() {
                    unsupported("type parameter lists")
                } else {
                    let n_args = c.bases.len() + c.keywords.len();
                    let bases = self.exprs(c.bases, d);
                    self.check_class_bases(&bases, n_args);
                    StmtKind::ClassDef(Box::new(ClassDef {
                        name: c.name.to_string(),
                        bases,
                        keywords: self.keywords(c.keywords, d),
                        body: self.stmts(c.body, depth),
                        decorators: self.exprs(c.decorator_list, d),
                    }))
                }
            }
            rp::Stmt::Return(r) => StmtKind::Return(self.opt_expr(r.value, d)),
            rp::Stmt::Delete(x) => StmtKind::Delete(self.exprs(x.targets, d)),
            rp::Stmt::Assign(a) => StmtKind::Assign {
                targets: self.exprs(a.targets, d),
                value: self.expr(*a.value, d),
            },
            rp::Stmt::AugAssign(a) => StmtKind::AugAssign {
                target: self.expr(*a.target, d),
                op: binop(a.op),
                value: self.expr(*a.value, d),
            },
            rp::Stmt::AnnAssign(a) => {
                // `(x): int` is not simple: the target starts after the
                // statement's opening parenthesis.
                let simple = a.simple
                    && rp::Ranged::range(&*a.target).start() == rp::Ranged::range(&a).start();
                StmtKind::AnnAssign {
                    target: self.expr(*a.target, d),
                    annotation: self.expr(*a.annotation, d),
                    value: self.opt_expr(a.value, d),
                    simple,
                }
            }
            rp::Stmt::For(f) => StmtKind::For {
                target: self.expr(*f.target, d),
                iter: self.expr(*f.iter, d),
                body: self.stmts(f.body, depth),
                orelse: self.stmts(f.orelse, depth),
                is_async: false,
            },
            rp::Stmt::While(w) => StmtKind::While {
                test: self.expr(*w.test, d),
                body: self.stmts(w.body, depth),
                orelse: self.stmts(w.orelse, depth),
            },
            rp::Stmt::If(i) => StmtKind::If {
                test: self.expr(*i.test, d),
                body: self.stmts(i.body, depth),
                orelse: self.stmts(i.orelse, depth),
            },
            rp::Stmt::With(w) => StmtKind::With {
                items: w
                    .items
                    .into_iter()
                    .map(|item| WithItem {
                        context_expr: self.expr(item.context_expr, d),
                        optional_vars: self.opt_expr(item.optional_vars, d),
                    })
                    .collect(),
                body: self.stmts(w.body, depth),
                is_async: false,
            },
            rp::Stmt::Raise(r) => StmtKind::Raise {
                exc: self.opt_expr(r.exc, d),
                cause: self.opt_expr(r.cause, d),
            },
            rp::Stmt::Try(t) => StmtKind::Try {
                body: self.stmts(t.body, depth),
                handlers: t
                    .handlers
                    .into_iter()
                    .map(|h| {
                        let rp::ExceptHandler::ExceptHandler(h) = h;
                        ExceptHandler {
                            loc: self.loc(h.range),
                            type_: self.opt_expr(h.type_, d),
                            name: h.name.map(|n| n.to_string()),
                            body: self.stmts(h.body, depth),
                        }
                    })
                    .collect(),
                orelse: self.stmts(t.orelse, depth),
                finalbody: self.stmts(t.finalbody, depth),
                star: false,
            },
            rp::Stmt::Assert(a) => StmtKind::Assert {
                test: self.expr(*a.test, d),
                msg: self.opt_expr(a.msg, d),
            },
            rp::Stmt::Import(i) => StmtKind::Import(self.aliases(i.names)),
            rp::Stmt::ImportFrom(i) => StmtKind::ImportFrom {
                module: i.module.map(|m| m.to_string()),
                names: self.aliases(i.names),
                level: i.level.map_or(0, |l| l.to_u32()),
            },
            rp::Stmt::Global(g) => {
                StmtKind::Global(g.names.into_iter().map(|n| n.to_string()).collect())
            }
            rp::Stmt::Nonlocal(g) => {
                StmtKind::Nonlocal(g.names.into_iter().map(|n| n.to_string()).collect())
            }
            rp::Stmt::Expr(e) => StmtKind::Expr(self.expr(*e.value, d)),
            rp::Stmt::Pass(_) => StmtKind::Pass,
            rp::Stmt::Break(_) => StmtKind::Break,
            rp::Stmt::Continue(_) => StmtKind::Continue,
            rp::Stmt::AsyncFunctionDef(f) => {
                let f = rp::StmtFunctionDef {
                    range: f.range,
                    name: f.name,
                    args: f.args,
                    body: f.body,
                    decorator_list: f.decorator_list,
                    returns: f.returns,
                    type_comment: None,
                    type_params: f.type_params,
                };
                let mut k = self.stmt_inner(rp::Stmt::FunctionDef(f), depth).kind;
                if let StmtKind::FunctionDef(fd) = &mut k {
                    fd.is_async = true;
                }
                k
            }
            rp::Stmt::AsyncFor(f) => {
                let f = rp::StmtFor {
                    range: f.range,
                    target: f.target,
                    iter: f.iter,
                    body: f.body,
                    orelse: f.orelse,
                    type_comment: None,
                };
                let mut k = self.stmt_inner(rp::Stmt::For(f), depth).kind;
                if let StmtKind::For { is_async, .. } = &mut k {
                    *is_async = true;
                }
                k
            }
            rp::Stmt::AsyncWith(w) => {
                let w = rp::StmtWith {
                    range: w.range,
                    items: w.items,
                    body: w.body,
                    type_comment: None,
                };
                let mut k = self.stmt_inner(rp::Stmt::With(w), depth).kind;
                if let StmtKind::With { is_async, .. } = &mut k {
                    *is_async = true;
                }
                k
            }
            rp::Stmt::Match(m) => StmtKind::Match {
                subject: self.match_subject(*m.subject, d),
                cases: m
                    .cases
                    .into_iter()
                    .map(|case| MatchCase {
                        pattern: self.pattern(case.pattern, d),
                        guard: self.opt_expr(case.guard, d),
                        body: self.stmts(case.body, depth),
                    })
                    .collect(),
            },
            rp::Stmt::TryStar(t) => {
                let t = rp::StmtTry {
                    range: t.range,
                    body: t.body,
                    handlers: t.handlers,
                    orelse: t.orelse,
                    finalbody: t.finalbody,
                };
                let mut s = self.stmt_inner(rp::Stmt::Try(t), depth);
                if let StmtKind::Try { star, .. } = &mut s.kind {
                    *star = true;
                }
                s.kind
            }
            rp::Stmt::TypeAlias(t) => {
                self.graveyard.extend([*t.name, *t.value]);
                self.bury_all();
                unsupported("'type' statements")
            }
        };
        Stmt { loc, kind }
    }

    /// Lowers a pattern (patterns nest only through brackets, which the
    /// tokenizer limits, so the recursion is shallow).
    fn pattern(&mut self, p: rp::Pattern, depth: u32) -> Pattern {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.pattern_inner(p, depth))
    }

    fn patterns(&mut self, ps: Vec<rp::Pattern>, depth: u32) -> Vec<Pattern> {
        ps.into_iter().map(|p| self.pattern(p, depth)).collect()
    }

    fn pattern_inner(&mut self, p: rp::Pattern, depth: u32) -> Pattern {
        let loc = self.loc(rp::Ranged::range(&p));
        let d = depth + 1;
        let kind = match p {
            rp::Pattern::MatchValue(v) => PatternKind::Value(self.expr(*v.value, d)),
            rp::Pattern::MatchSingleton(s) => PatternKind::Singleton(constant(s.value)),
            rp::Pattern::MatchSequence(s) => PatternKind::Sequence(self.patterns(s.patterns, d)),
            rp::Pattern::MatchMapping(m) => PatternKind::Mapping {
                keys: self.exprs(m.keys, d),
                patterns: self.patterns(m.patterns, d),
                rest: m.rest.map(|r| r.to_string()),
            },
            rp::Pattern::MatchClass(c) => PatternKind::Class {
                cls: self.expr(*c.cls, d),
                patterns: self.patterns(c.patterns, d),
                kwd_attrs: c.kwd_attrs.into_iter().map(|a| a.to_string()).collect(),
                kwd_patterns: self.patterns(c.kwd_patterns, d),
            },
            rp::Pattern::MatchStar(s) => PatternKind::Star(s.name.map(|n| n.to_string())),
            rp::Pattern::MatchAs(a) => PatternKind::As {
                pattern: a.pattern.map(|p| Box::new(self.pattern(*p, d))),
                name: a.name.map(|n| n.to_string()),
            },
            rp::Pattern::MatchOr(o) => PatternKind::Or(self.patterns(o.patterns, d)),
        };
        Pattern { loc, kind }
    }

    fn aliases(&self, names: Vec<rp::Alias>) -> Vec<Alias> {
        names
            .into_iter()
            .map(|a| Alias {
                loc: self.loc(a.range),
                name: a.name.to_string(),
                asname: a.asname.map(|n| n.to_string()),
            })
            .collect()
    }

    fn keywords(&mut self, kws: Vec<rp::Keyword>, depth: u32) -> Vec<Keyword> {
        kws.into_iter()
            .map(|k| Keyword {
                loc: self.loc(k.range),
                arg: k.arg.map(|a| a.to_string()),
                value: self.expr(k.value, depth),
            })
            .collect()
    }

    fn arg(&mut self, a: rp::Arg, depth: u32) -> Arg {
        Arg {
            loc: self.loc(a.range),
            name: a.arg.to_string(),
            annotation: self.opt_expr(a.annotation, depth),
        }
    }

    fn arguments(&mut self, a: rp::Arguments, depth: u32, lambda: bool) -> Arguments {
        let mut out = Arguments::default();
        for p in a.posonlyargs {
            if let Some(def) = p.default {
                out.defaults.push(self.expr(*def, depth));
            }
            out.posonlyargs.push(self.arg(p.def, depth));
        }
        for p in a.args {
            if let Some(def) = p.default {
                out.defaults.push(self.expr(*def, depth));
            }
            out.args.push(self.arg(p.def, depth));
        }
        out.vararg = a.vararg.map(|v| self.arg(*v, depth));
        for p in a.kwonlyargs {
            let def = self.opt_expr(p.default, depth);
            out.kw_defaults.push(def);
            out.kwonlyargs.push(self.arg(p.def, depth));
        }
        out.kwarg = a.kwarg.map(|v| self.arg(*v, depth));
        self.check_bare_star(&out, lambda);
        out
    }

    /// `class C(x for x in y)`: a generator expression is not a base.
    fn check_class_bases(&mut self, bases: &[Expr], n_args: usize) {
        let src = self.map.source();
        for b in bases {
            let ExprKind::GeneratorExp { elt, .. } = &b.kind else {
                continue;
            };
            if src.as_bytes().get(self.map.offset(b.loc.line, b.loc.col)) == Some(&b'(') {
                continue;
            }
            let err = if n_args > 1 {
                self.map
                    .syntax_error("Generator expression must be parenthesized", b.loc)
            } else {
                // CPython fails at the `for`.
                let after = self.map.offset(elt.loc.end_line, elt.loc.end_col);
                let rest = src.get(after..).unwrap_or("");
                let at = after + (rest.len() - rest.trim_start().len());
                self.map
                    .syntax_error("invalid syntax", self.map.location(at, at + 3))
            };
            self.error.get_or_insert(err);
        }
    }

    /// `def f(*, **k)`: the parser crate accepts a bare `*` that no
    /// keyword-only parameter follows when `**kwargs` does; CPython does
    /// not (pointing at the `*` of a def, the `**` of a lambda).
    fn check_bare_star(&mut self, a: &Arguments, lambda: bool) {
        let (Some(kwarg), None, true) = (&a.kwarg, &a.vararg, a.kwonlyargs.is_empty()) else {
            return;
        };
        let src = self.map.source();
        let name_at = self.map.offset(kwarg.loc.line, kwarg.loc.col);
        let Some(before) = src.get(..name_at) else {
            return;
        };
        let Some(dstar) = before.trim_end().strip_suffix("**") else {
            return;
        };
        let dstar_at = dstar.len();
        let Some(star) = dstar.trim_end().strip_suffix(',').map(str::trim_end) else {
            return;
        };
        if !star.ends_with('*') || star.ends_with("**") {
            return;
        }
        let star_at = star.len() - 1;
        let (from, to) = if lambda {
            (dstar_at, dstar_at + 2)
        } else {
            (star_at, star_at + 1)
        };
        let err = self.map.syntax_error(
            "named arguments must follow bare *",
            self.map.location(from, to),
        );
        self.error.get_or_insert(err);
    }

    fn comprehensions(&mut self, gens: Vec<rp::Comprehension>, depth: u32) -> Vec<Comprehension> {
        gens.into_iter()
            .map(|g| Comprehension {
                target: self.expr(g.target, depth),
                iter: self.expr(g.iter, depth),
                ifs: self.exprs(g.ifs, depth),
                is_async: g.is_async,
            })
            .collect()
    }

    fn expr(&mut self, e: rp::Expr, depth: u32) -> Expr {
        if depth > MAX_AST_DEPTH {
            let loc = self.loc(rp::Ranged::range(&e));
            self.too_deep = true;
            self.graveyard.push(e);
            if self.graveyard.len() > 64 {
                self.bury_all();
            }
            return Expr {
                loc,
                kind: ExprKind::Constant(Constant::None),
            };
        }
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.expr_inner(e, depth))
    }

    fn expr_inner(&mut self, e: rp::Expr, depth: u32) -> Expr {
        let loc = self.loc(rp::Ranged::range(&e));
        let d = depth + 1;
        let kind = match e {
            rp::Expr::BoolOp(b) => ExprKind::BoolOp {
                op: match b.op {
                    rp::BoolOp::And => BoolOp::And,
                    rp::BoolOp::Or => BoolOp::Or,
                },
                values: self.exprs(b.values, d),
            },
            rp::Expr::NamedExpr(n) => ExprKind::NamedExpr {
                target: self.box_expr(*n.target, d),
                value: self.box_expr(*n.value, d),
            },
            rp::Expr::BinOp(b) => ExprKind::BinOp {
                left: self.box_expr(*b.left, d),
                op: binop(b.op),
                right: self.box_expr(*b.right, d),
            },
            rp::Expr::UnaryOp(u) => ExprKind::UnaryOp {
                op: match u.op {
                    rp::UnaryOp::Invert => UnaryOperator::Invert,
                    rp::UnaryOp::Not => UnaryOperator::Not,
                    rp::UnaryOp::UAdd => UnaryOperator::Positive,
                    rp::UnaryOp::USub => UnaryOperator::Negative,
                },
                operand: self.box_expr(*u.operand, d),
            },
            rp::Expr::Lambda(l) => ExprKind::Lambda {
                args: Box::new(self.arguments(*l.args, d, true)),
                body: self.box_expr(*l.body, d),
            },
            rp::Expr::IfExp(i) => ExprKind::IfExp {
                test: self.box_expr(*i.test, d),
                body: self.box_expr(*i.body, d),
                orelse: self.box_expr(*i.orelse, d),
            },
            rp::Expr::Dict(x) => ExprKind::Dict {
                keys: x
                    .keys
                    .into_iter()
                    .map(|k| k.map(|k| self.expr(k, d)))
                    .collect(),
                values: self.exprs(x.values, d),
            },
            rp::Expr::Set(s) => ExprKind::Set(self.exprs(s.elts, d)),
            rp::Expr::ListComp(c) => ExprKind::ListComp {
                elt: self.box_expr(*c.elt, d),
                generators: self.comprehensions(c.generators, d),
            },
            rp::Expr::SetComp(c) => ExprKind::SetComp {
                elt: self.box_expr(*c.elt, d),
                generators: self.comprehensions(c.generators, d),
            },
            rp::Expr::DictComp(c) => ExprKind::DictComp {
                key: self.box_expr(*c.key, d),
                value: self.box_expr(*c.value, d),
                generators: self.comprehensions(c.generators, d),
            },
            rp::Expr::GeneratorExp(c) => ExprKind::GeneratorExp {
                elt: self.box_expr(*c.elt, d),
                generators: self.comprehensions(c.generators, d),
            },
            rp::Expr::Await(a) => ExprKind::Await(self.box_expr(*a.value, d)),
            rp::Expr::Yield(y) => ExprKind::Yield(self.opt_box(y.value, d)),
            rp::Expr::YieldFrom(y) => ExprKind::YieldFrom(self.box_expr(*y.value, d)),
            rp::Expr::Compare(c) => ExprKind::Compare {
                left: self.box_expr(*c.left, d),
                ops: c.ops.into_iter().map(cmpop).collect(),
                comparators: self.exprs(c.comparators, d),
            },
            rp::Expr::Call(c) => {
                let func = self.box_expr(*c.func, d);
                let n_args = c.args.len() + c.keywords.len();
                let mut args = self.exprs(c.args, d);
                for a in args.iter_mut() {
                    if !matches!(a.kind, ExprKind::GeneratorExp { .. })
                        || parenthesized(
                            self.map.source(),
                            self.map.offset(a.loc.line, a.loc.col),
                            self.map.offset(a.loc.end_line, a.loc.end_col),
                        )
                    {
                        continue;
                    }
                    let after = self.map.offset(a.loc.end_line, a.loc.end_col);
                    let trailing_comma = self
                        .map
                        .source()
                        .get(after..)
                        .and_then(|rest| rest.trim_start().chars().next())
                        == Some(',');
                    if n_args > 1 || trailing_comma {
                        let err = self
                            .map
                            .syntax_error("Generator expression must be parenthesized", a.loc);
                        self.error.get_or_insert(err);
                    } else {
                        // A sole bare generator argument spans the call's parentheses.
                        let open = self.map.offset(func.loc.end_line, func.loc.end_col);
                        let paren = self
                            .map
                            .source()
                            .get(open..)
                            .and_then(|rest| rest.find('('))
                            .map_or(open, |i| open + i);
                        let (line, col) = self.map.position(paren);
                        a.loc.line = line;
                        a.loc.col = col;
                        a.loc.end_line = loc.end_line;
                        a.loc.end_col = loc.end_col;
                    }
                }
                ExprKind::Call {
                    func,
                    args,
                    keywords: self.keywords(c.keywords, d),
                }
            }
            rp::Expr::FormattedValue(f) => ExprKind::FormattedValue {
                value: self.box_expr(*f.value, d),
                conversion: match f.conversion {
                    rp::ConversionFlag::None => Conversion::None,
                    rp::ConversionFlag::Str => Conversion::Str,
                    rp::ConversionFlag::Repr => Conversion::Repr,
                    rp::ConversionFlag::Ascii => Conversion::Ascii,
                },
                format_spec: self.opt_box(f.format_spec, d),
            },
            rp::Expr::JoinedStr(j) => {
                let mut values = self.exprs(j.values, d);
                // Empty literal parts (`f'{x}' ''`) are dropped, as CPython does.
                values.retain(
                    |v| !matches!(&v.kind, ExprKind::Constant(Constant::Str(s)) if s.is_empty()),
                );
                // CPython gives an f-string's parts the whole string's span
                // (implicit concatenation included).
                for v in values.iter_mut() {
                    relocate_fstring_part(v, loc);
                }
                ExprKind::JoinedStr(values)
            }
            rp::Expr::Constant(c) => ExprKind::Constant(constant(c.value)),
            rp::Expr::Attribute(a) => ExprKind::Attribute {
                value: self.box_expr(*a.value, d),
                attr: a.attr.to_string(),
            },
            rp::Expr::Subscript(s) => {
                let value = self.box_expr(*s.value, d);
                let mut slice = self.box_expr(*s.slice, d);
                // `a[*b]` indexes with the tuple `(*b,)`, as in CPython's AST.
                if matches!(slice.kind, ExprKind::Starred(_)) {
                    let loc = slice.loc;
                    slice = Box::new(Expr {
                        loc,
                        kind: ExprKind::Tuple(vec![*slice]),
                    });
                }
                ExprKind::Subscript { value, slice }
            }
            rp::Expr::Starred(s) => ExprKind::Starred(self.box_expr(*s.value, d)),
            rp::Expr::Name(n) => ExprKind::Name(n.id.to_string()),
            rp::Expr::List(l) => ExprKind::List(self.exprs(l.elts, d)),
            rp::Expr::Tuple(t) => ExprKind::Tuple(self.exprs(t.elts, d)),
            rp::Expr::Slice(s) => ExprKind::Slice {
                lower: self.opt_box(s.lower, d),
                upper: self.opt_box(s.upper, d),
                step: self.opt_box(s.step, d),
            },
        };
        Expr { loc, kind }
    }

    /// A `match` subject; `match x,:` is the one-element tuple the parser
    /// crate leaves out.
    fn match_subject(&mut self, e: rp::Expr, depth: u32) -> Expr {
        let mut subject = self.expr(e, depth);
        if let ExprKind::Tuple(elts) = &subject.kind {
            // The parser crate spans a bare tuple subject from `match`:
            // CPython's runs from its first element to its last (or to a
            // trailing comma).
            let start = self.map.offset(subject.loc.line, subject.loc.col);
            let paren = self.map.source().as_bytes().get(start) == Some(&b'(');
            if let (false, Some(first), Some(last)) = (paren, elts.first(), elts.last()) {
                let end = self.map.offset(last.loc.end_line, last.loc.end_col);
                let rest = self.map.source().get(end..).unwrap_or("");
                let (end_line, end_col) = if rest.trim_start_matches([' ', '\t']).starts_with(',') {
                    self.map.position(end + rest.find(',').unwrap_or(0) + 1)
                } else {
                    (last.loc.end_line, last.loc.end_col)
                };
                subject.loc = Location {
                    line: first.loc.line,
                    col: first.loc.col,
                    end_line,
                    end_col,
                };
            }
            return subject;
        }
        let end = self.map.offset(subject.loc.end_line, subject.loc.end_col);
        let rest = self.map.source().get(end..).unwrap_or("");
        if !rest.trim_start_matches([' ', '\t']).starts_with(',') {
            return subject;
        }
        let comma = end + rest.find(',').unwrap_or(0) + 1;
        let (end_line, end_col) = self.map.position(comma);
        let loc = Location {
            end_line,
            end_col,
            ..subject.loc
        };
        Expr {
            loc,
            kind: ExprKind::Tuple(vec![subject]),
        }
    }

    /// Takes the buried subtrees apart with an explicit stack.
    fn bury_all(&mut self) {
        let mut stack = std::mem::take(&mut self.graveyard);
        while let Some(e) = stack.pop() {
            dismantle(e, &mut stack);
        }
    }
}

/// Whether the text `start..end` is one parenthesized group: it opens
/// with `(` whose matching `)` ends it (`((a, b) for ...)`, not
/// `(a, b) for ...`). Strings and comments are skipped.
fn parenthesized(source: &str, start: usize, end: usize) -> bool {
    let Some(text) = source.get(start..end) else {
        return false;
    };
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'(') {
        return false;
    }
    let mut depth = 0usize;
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
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return i + 1 == bytes.len();
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    false
}

/// Sets the span of an f-string part (a literal or a replacement field, and
/// the parts of its format spec) to `loc`; expressions inside keep theirs.
fn relocate_fstring_part(e: &mut Expr, loc: Location) {
    match &mut e.kind {
        ExprKind::Constant(_) => e.loc = loc,
        ExprKind::FormattedValue { format_spec, .. } => {
            e.loc = loc;
            if let Some(spec) = format_spec {
                // As CPython 3.11: a spec that is one literal keeps the
                // spec's span; the parts of any other take the string's.
                let spec_loc = spec.loc;
                if let ExprKind::JoinedStr(parts) = &mut spec.kind {
                    let literal =
                        matches!(parts.as_slice(), [p] if matches!(p.kind, ExprKind::Constant(_)));
                    let part_loc = if literal { spec_loc } else { loc };
                    for p in parts.iter_mut() {
                        relocate_fstring_part(p, part_loc);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Moves `s`'s nested statements onto `stmts` and its expressions onto
/// `exprs`, so that dropping `s` itself no longer recurses deeply.
fn dismantle_stmt(s: rp::Stmt, stmts: &mut Vec<rp::Stmt>, exprs: &mut Vec<rp::Expr>) {
    match s {
        rp::Stmt::FunctionDef(f) => {
            stmts.extend(f.body);
            exprs.extend(f.decorator_list);
            exprs.extend(f.returns.map(|r| *r));
        }
        rp::Stmt::AsyncFunctionDef(f) => {
            stmts.extend(f.body);
            exprs.extend(f.decorator_list);
            exprs.extend(f.returns.map(|r| *r));
        }
        rp::Stmt::ClassDef(c) => {
            stmts.extend(c.body);
            exprs.extend(c.bases);
            exprs.extend(c.decorator_list);
            exprs.extend(c.keywords.into_iter().map(|k| k.value));
        }
        rp::Stmt::Return(r) => exprs.extend(r.value.map(|v| *v)),
        rp::Stmt::Delete(d) => exprs.extend(d.targets),
        rp::Stmt::Assign(a) => {
            exprs.extend(a.targets);
            exprs.push(*a.value);
        }
        rp::Stmt::AugAssign(a) => exprs.extend([*a.target, *a.value]),
        rp::Stmt::AnnAssign(a) => {
            exprs.extend([*a.target, *a.annotation]);
            exprs.extend(a.value.map(|v| *v));
        }
        rp::Stmt::For(f) => {
            exprs.extend([*f.target, *f.iter]);
            stmts.extend(f.body);
            stmts.extend(f.orelse);
        }
        rp::Stmt::AsyncFor(f) => {
            exprs.extend([*f.target, *f.iter]);
            stmts.extend(f.body);
            stmts.extend(f.orelse);
        }
        rp::Stmt::While(w) => {
            exprs.push(*w.test);
            stmts.extend(w.body);
            stmts.extend(w.orelse);
        }
        rp::Stmt::If(i) => {
            exprs.push(*i.test);
            stmts.extend(i.body);
            stmts.extend(i.orelse);
        }
        rp::Stmt::With(w) => {
            for item in w.items {
                exprs.push(item.context_expr);
                exprs.extend(item.optional_vars.map(|v| *v));
            }
            stmts.extend(w.body);
        }
        rp::Stmt::AsyncWith(w) => {
            for item in w.items {
                exprs.push(item.context_expr);
                exprs.extend(item.optional_vars.map(|v| *v));
            }
            stmts.extend(w.body);
        }
        rp::Stmt::Match(m) => {
            exprs.push(*m.subject);
            for case in m.cases {
                exprs.extend(case.guard.map(|g| *g));
                stmts.extend(case.body);
            }
        }
        rp::Stmt::Raise(r) => {
            exprs.extend(r.exc.map(|v| *v));
            exprs.extend(r.cause.map(|v| *v));
        }
        rp::Stmt::Try(t) => {
            stmts.extend(t.body);
            for h in t.handlers {
                let rp::ExceptHandler::ExceptHandler(h) = h;
                exprs.extend(h.type_.map(|v| *v));
                stmts.extend(h.body);
            }
            stmts.extend(t.orelse);
            stmts.extend(t.finalbody);
        }
        rp::Stmt::TryStar(t) => {
            stmts.extend(t.body);
            for h in t.handlers {
                let rp::ExceptHandler::ExceptHandler(h) = h;
                exprs.extend(h.type_.map(|v| *v));
                stmts.extend(h.body);
            }
            stmts.extend(t.orelse);
            stmts.extend(t.finalbody);
        }
        rp::Stmt::Assert(a) => {
            exprs.push(*a.test);
            exprs.extend(a.msg.map(|v| *v));
        }
        rp::Stmt::Expr(e) => exprs.push(*e.value),
        rp::Stmt::TypeAlias(t) => exprs.extend([*t.name, *t.value]),
        rp::Stmt::Import(_)
        | rp::Stmt::ImportFrom(_)
        | rp::Stmt::Global(_)
        | rp::Stmt::Nonlocal(_)
        | rp::Stmt::Pass(_)
        | rp::Stmt::Break(_)
        | rp::Stmt::Continue(_) => {}
    }
}

/// Moves `e`'s direct sub-expressions onto `stack`, so that dropping `e`
/// itself no longer recurses.
fn dismantle(e: rp::Expr, stack: &mut Vec<rp::Expr>) {
    fn args(a: rp::Arguments, stack: &mut Vec<rp::Expr>) {
        let params = a.posonlyargs.into_iter().chain(a.args).chain(a.kwonlyargs);
        for p in params {
            stack.extend(p.default.map(|d| *d));
            stack.extend(p.def.annotation.map(|d| *d));
        }
        for v in a.vararg.into_iter().chain(a.kwarg) {
            stack.extend(v.annotation.map(|d| *d));
        }
    }
    fn gens(g: Vec<rp::Comprehension>, stack: &mut Vec<rp::Expr>) {
        for c in g {
            stack.push(c.target);
            stack.push(c.iter);
            stack.extend(c.ifs);
        }
    }
    match e {
        rp::Expr::BoolOp(b) => stack.extend(b.values),
        rp::Expr::NamedExpr(n) => stack.extend([*n.target, *n.value]),
        rp::Expr::BinOp(b) => stack.extend([*b.left, *b.right]),
        rp::Expr::UnaryOp(u) => stack.push(*u.operand),
        rp::Expr::Lambda(l) => {
            args(*l.args, stack);
            stack.push(*l.body);
        }
        rp::Expr::IfExp(i) => stack.extend([*i.test, *i.body, *i.orelse]),
        rp::Expr::Dict(d) => {
            stack.extend(d.keys.into_iter().flatten());
            stack.extend(d.values);
        }
        rp::Expr::Set(s) => stack.extend(s.elts),
        rp::Expr::ListComp(c) => {
            stack.push(*c.elt);
            gens(c.generators, stack);
        }
        rp::Expr::SetComp(c) => {
            stack.push(*c.elt);
            gens(c.generators, stack);
        }
        rp::Expr::DictComp(c) => {
            stack.extend([*c.key, *c.value]);
            gens(c.generators, stack);
        }
        rp::Expr::GeneratorExp(c) => {
            stack.push(*c.elt);
            gens(c.generators, stack);
        }
        rp::Expr::Await(a) => stack.push(*a.value),
        rp::Expr::Yield(y) => stack.extend(y.value.map(|v| *v)),
        rp::Expr::YieldFrom(y) => stack.push(*y.value),
        rp::Expr::Compare(c) => {
            stack.push(*c.left);
            stack.extend(c.comparators);
        }
        rp::Expr::Call(c) => {
            stack.push(*c.func);
            stack.extend(c.args);
            stack.extend(c.keywords.into_iter().map(|k| k.value));
        }
        rp::Expr::FormattedValue(f) => {
            stack.push(*f.value);
            stack.extend(f.format_spec.map(|v| *v));
        }
        rp::Expr::JoinedStr(j) => stack.extend(j.values),
        rp::Expr::Constant(_) | rp::Expr::Name(_) => {}
        rp::Expr::Attribute(a) => stack.push(*a.value),
        rp::Expr::Subscript(s) => stack.extend([*s.value, *s.slice]),
        rp::Expr::Starred(s) => stack.push(*s.value),
        rp::Expr::List(l) => stack.extend(l.elts),
        rp::Expr::Tuple(t) => stack.extend(t.elts),
        rp::Expr::Slice(s) => {
            stack.extend(s.lower.map(|v| *v));
            stack.extend(s.upper.map(|v| *v));
            stack.extend(s.step.map(|v| *v));
        }
    }
}

fn binop(op: rp::Operator) -> BinaryOperator {
    match op {
        rp::Operator::Add => BinaryOperator::Add,
        rp::Operator::Sub => BinaryOperator::Subtract,
        rp::Operator::Mult => BinaryOperator::Multiply,
        rp::Operator::MatMult => BinaryOperator::MatMultiply,
        rp::Operator::Div => BinaryOperator::TrueDivide,
        rp::Operator::Mod => BinaryOperator::Modulo,
        rp::Operator::Pow => BinaryOperator::Power,
        rp::Operator::LShift => BinaryOperator::LShift,
        rp::Operator::RShift => BinaryOperator::RShift,
        rp::Operator::BitOr => BinaryOperator::Or,
        rp::Operator::BitXor => BinaryOperator::Xor,
        rp::Operator::BitAnd => BinaryOperator::And,
        rp::Operator::FloorDiv => BinaryOperator::FloorDivide,
    }
}

fn cmpop(op: rp::CmpOp) -> CmpOp {
    match op {
        rp::CmpOp::Eq => CmpOp::Eq,
        rp::CmpOp::NotEq => CmpOp::NotEq,
        rp::CmpOp::Lt => CmpOp::Lt,
        rp::CmpOp::LtE => CmpOp::LtE,
        rp::CmpOp::Gt => CmpOp::Gt,
        rp::CmpOp::GtE => CmpOp::GtE,
        rp::CmpOp::Is => CmpOp::Is,
        rp::CmpOp::IsNot => CmpOp::IsNot,
        rp::CmpOp::In => CmpOp::In,
        rp::CmpOp::NotIn => CmpOp::NotIn,
    }
}

fn constant(c: rp::Constant) -> Constant {
    match c {
        rp::Constant::None => Constant::None,
        rp::Constant::Bool(b) => Constant::Bool(b),
        rp::Constant::Str(s) => Constant::Str(s),
        rp::Constant::Bytes(b) => Constant::Bytes(b),
        rp::Constant::Int(i) => {
            let text = i.to_str_radix(10);
            match text.parse::<i64>() {
                Ok(v) => Constant::Int(v),
                Err(_) => match text.parse::<malachite::Integer>() {
                    Ok(big) => Constant::BigInt(big),
                    // Unreachable for a decimal rendering; keep a value anyway.
                    Err(_) => Constant::Int(0),
                },
            }
        }
        rp::Constant::Tuple(items) => Constant::Tuple(items.into_iter().map(constant).collect()),
        rp::Constant::Float(f) => Constant::Float(f),
        rp::Constant::Complex { real, imag } => Constant::Complex { real, imag },
        rp::Constant::Ellipsis => Constant::Ellipsis,
    }
}
