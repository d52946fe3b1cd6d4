//! Translation of Python `re` pattern syntax into the syntax of the
//! `regex-automata` engine, with CPython's compile-time error messages and
//! positions. Python constructs the engine cannot run (look-around,
//! backreferences, conditionals, atomic groups, possessive repeats) are
//! reported as `Unsupported`, naming the feature.
//!
//! Every literal is emitted as `\x{..}` (or as itself when it is
//! alphanumeric), so the engine's own metacharacters, class set operators
//! and verbose mode never see Python text. Flags `m`, `s`, `x` and `a` are
//! resolved here; only `i` is passed on as inline engine flags.

/// Python's flag bits (the values of `re.I`, `re.M`, ...).
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;

/// Why a pattern cannot be compiled.
#[derive(Debug)]
pub enum TranslateError {
    /// `re.error(msg, pattern, pos)`.
    Syntax { msg: String, pos: usize },
    /// `ValueError(msg)` (incompatible flags).
    Value(String),
    /// `NotImplementedError(msg)`: valid Python, not supported by the engine.
    Unsupported(String),
    /// Groups nested too deeply (CPython's recursive parser gives up with
    /// RecursionError somewhere past 300 levels).
    TooDeep,
    /// `OverflowError`: a repeat count of 2**32 - 1 or more.
    Overflow,
}

/// CPython's MAXREPEAT: repeat counts must stay below it.
const MAXREPEAT: u64 = 4_294_967_295;

/// The deepest group nesting translated.
const MAX_DEPTH: usize = 400;

/// A translated pattern and what the Python side needs to know about it.
#[derive(Debug, Default)]
pub struct Translated {
    /// The pattern in the engine's syntax.
    pub pattern: String,
    /// The flags of the compiled pattern (inline global flags included,
    /// UNICODE added for str patterns without ASCII), as `Pattern.flags`.
    pub flags: u32,
    /// Number of Python capturing groups.
    pub groups: usize,
    /// Group names in definition order with their Python group numbers.
    pub names: Vec<(String, usize)>,
    /// `engine_group[i]` is the engine group index of Python group `i`
    /// (index 0: the whole match).
    pub engine_group: Vec<usize>,
    /// Engine groups added for a non-MULTILINE `$`, which Python lets match
    /// before a final newline: the engine consumes that newline in such a
    /// group and the match is trimmed back afterwards.
    pub dollar_groups: Vec<usize>,
    /// Python group numbers in the order their `)` appear (for
    /// `Match.lastindex`).
    pub close_order: Vec<usize>,
}

type Res<T> = Result<T, TranslateError>;

fn syntax<T>(msg: impl Into<String>, pos: usize) -> Res<T> {
    Err(TranslateError::Syntax {
        msg: msg.into(),
        pos,
    })
}

#[derive(Clone, Copy)]
struct Flags {
    ignore: bool,
    multiline: bool,
    dotall: bool,
    verbose: bool,
    ascii: bool,
}

struct Parser<'a> {
    src: &'a [char],
    pos: usize,
    bytes: bool,
    out: String,
    groups: usize,
    /// Python group numbers of the groups still open.
    open: Vec<usize>,
    names: Vec<(String, usize)>,
    engine_group: Vec<usize>,
    engine_count: usize,
    dollar_groups: Vec<usize>,
    close_order: Vec<usize>,
    global_flags: u32,
    /// The first construct the engine cannot run. Reported after the whole
    /// pattern parsed, so that CPython's syntax errors come first.
    unsupported: Option<String>,
    depth: usize,
}

/// Translates `src` (a str pattern, or a bytes pattern as one char per
/// byte) compiled with `flags`.
pub fn translate(src: &[char], flags: u32, bytes: bool) -> Res<Translated> {
    let mut flags = flags;
    check_flags(flags, bytes)?;
    let mut p = Parser {
        src,
        pos: 0,
        bytes,
        out: String::new(),
        groups: 0,
        open: Vec::new(),
        names: Vec::new(),
        engine_group: vec![0],
        engine_count: 1,
        dollar_groups: Vec::new(),
        close_order: Vec::new(),
        global_flags: 0,
        unsupported: None,
        depth: 0,
    };
    let mut st = Flags {
        ignore: flags & IGNORECASE != 0,
        multiline: flags & MULTILINE != 0,
        dotall: flags & DOTALL != 0,
        verbose: flags & VERBOSE != 0,
        ascii: bytes || flags & ASCII != 0,
    };
    if st.ignore {
        p.out.push_str("(?i)");
    }
    p.alternation(&mut st, true)?;
    if p.pos < src.len() {
        // Only a stray ')' stops the top level early.
        return syntax("unbalanced parenthesis", p.pos);
    }
    if let Some(m) = p.unsupported {
        return Err(TranslateError::Unsupported(m));
    }
    flags |= p.global_flags;
    check_flags(flags, bytes)?;
    if !bytes && flags & ASCII == 0 {
        flags |= UNICODE;
    }
    Ok(Translated {
        pattern: p.out,
        flags,
        groups: p.groups,
        names: p.names,
        engine_group: p.engine_group,
        dollar_groups: p.dollar_groups,
        close_order: p.close_order,
    })
}

fn check_flags(flags: u32, bytes: bool) -> Res<()> {
    let bad = |m: &str| Err(TranslateError::Value(m.to_string()));
    if bytes {
        if flags & UNICODE != 0 {
            return bad("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return bad("ASCII and LOCALE flags are incompatible");
        }
    } else {
        if flags & LOCALE != 0 {
            return bad("cannot use LOCALE flag with a str pattern");
        }
        if flags & ASCII != 0 && flags & UNICODE != 0 {
            return bad("ASCII and UNICODE flags are incompatible");
        }
    }
    Ok(())
}

const PY_WHITESPACE: &[char] = &[' ', '\t', '\n', '\r', '\x0b', '\x0c'];

fn is_ident(name: &str) -> bool {
    let mut cs = name.chars();
    match cs.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {}
        _ => return false,
    }
    cs.all(unicode_ident::is_xid_continue)
}

/// What one item of a sequence was, for the repeat checks.
#[derive(PartialEq, Clone, Copy)]
enum Item {
    None,
    Assertion,
    Repeat,
    Atom,
}

impl<'a> Parser<'a> {
    /// Notes a construct the engine cannot run (`feature` names it).
    fn unsupported(&mut self, feature: &str) {
        if self.unsupported.is_none() {
            self.unsupported = Some(format!(
                "{feature} not supported by rpy's regular expression engine"
            ));
        }
    }

    /// A group the engine cannot run, parsed (for errors) as `(?:...)`;
    /// `skip` characters of its opening follow the `(?`.
    fn unsupported_group(
        &mut self,
        st: &mut Flags,
        start: usize,
        skip: usize,
        feature: &str,
    ) -> Res<Item> {
        self.unsupported(feature);
        self.pos += skip;
        self.out.push_str("(?:");
        self.body(st, start)?;
        Ok(Item::Atom)
    }

    /// Emits one literal character so the engine reads it as exactly
    /// itself; in bytes patterns (chars 0-255) the fixed `\xHH` form is the
    /// one the engine reads as a byte.
    fn lit(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.out.push(c);
        } else if self.bytes {
            self.out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            self.out.push_str(&format!("\\x{{{:x}}}", c as u32));
        }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, off: usize) -> Option<char> {
        self.src.get(self.pos + off).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_verbose(&mut self, st: &Flags) {
        if !st.verbose {
            return;
        }
        while let Some(c) = self.peek() {
            if PY_WHITESPACE.contains(&c) {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    /// `a|b|...` up to an unmatched `)` or the end.
    fn alternation(&mut self, st: &mut Flags, top: bool) -> Res<()> {
        let mut first = true;
        loop {
            self.sequence(st, top && first)?;
            first = false;
            if self.eat('|') {
                self.out.push('|');
                continue;
            }
            return Ok(());
        }
    }

    fn sequence(&mut self, st: &mut Flags, top_first: bool) -> Res<()> {
        let mut last = Item::None;
        let mut at_start = top_first;
        loop {
            self.skip_verbose(st);
            let start = self.pos;
            let Some(c) = self.peek() else { return Ok(()) };
            match c {
                '|' | ')' => return Ok(()),
                '*' | '+' | '?' => {
                    self.pos += 1;
                    self.repeat_check(last, start)?;
                    self.out.push(c);
                    self.repeat_suffix()?;
                    last = Item::Repeat;
                }
                '{' => {
                    if let Some((lo, hi, end)) = self.braces() {
                        self.repeat_check(last, start)?;
                        if lo.is_some_and(|l| l >= MAXREPEAT) || hi.is_some_and(|h| h >= MAXREPEAT)
                        {
                            return Err(TranslateError::Overflow);
                        }
                        if let (Some(l), Some(h)) = (lo, hi) {
                            if h < l {
                                return syntax("min repeat greater than max repeat", start + 1);
                            }
                        }
                        self.pos = end;
                        let l = lo.unwrap_or(0);
                        match hi {
                            Some(h) => self.out.push_str(&format!("{{{l},{h}}}")),
                            None => self.out.push_str(&format!("{{{l},}}")),
                        }
                        self.repeat_suffix()?;
                        last = Item::Repeat;
                    } else {
                        self.pos += 1;
                        self.lit('{');
                        last = Item::Atom;
                    }
                }
                '(' => {
                    last = self.group(st, at_start)?;
                    // Global-flags groups and comments keep the "at the
                    // start" state.
                    if last != Item::None {
                        at_start = false;
                    }
                    continue;
                }
                '[' => {
                    self.pos += 1;
                    self.class(st, start)?;
                    last = Item::Atom;
                }
                '.' => {
                    self.pos += 1;
                    self.out
                        .push_str(if st.dotall { "(?s:.)" } else { "[^\\x{a}]" });
                    last = Item::Atom;
                }
                '^' => {
                    self.pos += 1;
                    self.out
                        .push_str(if st.multiline { "(?m:^)" } else { "\\A" });
                    last = Item::Assertion;
                }
                '$' => {
                    self.pos += 1;
                    if st.multiline {
                        self.out.push_str("(?m:$)");
                    } else {
                        self.dollar_groups.push(self.engine_count);
                        self.engine_count += 1;
                        self.out.push_str("(\\x{a}?\\z)");
                    }
                    last = Item::Assertion;
                }
                '\\' => {
                    last = self.escape(st)?;
                }
                _ => {
                    self.pos += 1;
                    self.lit(c);
                    last = Item::Atom;
                }
            }
            at_start = false;
        }
    }

    fn repeat_check(&self, last: Item, pos: usize) -> Res<()> {
        match last {
            Item::None | Item::Assertion => syntax("nothing to repeat", pos),
            Item::Repeat => syntax("multiple repeat", pos),
            Item::Atom => Ok(()),
        }
    }

    /// A lazy `?` or a possessive `+` after a repeat.
    fn repeat_suffix(&mut self) -> Res<()> {
        // (Res for uniformity with the other item parsers.)
        if self.eat('?') {
            self.out.push('?');
        } else if self.peek() == Some('+') {
            self.pos += 1;
            self.unsupported("possessive repeats (*+, ++, ?+, {m,n}+) are");
        }
        Ok(())
    }

    /// A `{m,n}` repeat at the current `{`: (min, max, end position), or
    /// None when the brace is a literal.
    fn braces(&self) -> Option<(Option<u64>, Option<u64>, usize)> {
        let mut i = self.pos + 1;
        let digits = |i: &mut usize| {
            let s = *i;
            while self.src.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            let text: String = self.src.get(s..*i).unwrap_or(&[]).iter().collect();
            if text.is_empty() {
                None
            } else {
                Some(text.parse::<u64>().unwrap_or(u64::MAX))
            }
        };
        let lo = digits(&mut i);
        let (hi, comma) = if self.src.get(i) == Some(&',') {
            i += 1;
            (digits(&mut i), true)
        } else {
            (lo, false)
        };
        if self.src.get(i) != Some(&'}') || (lo.is_none() && !comma) {
            return None;
        }
        Some((lo, hi, i + 1))
    }

    /// A group at `(`; returns the item kind (None for a flags-only group).
    fn group(&mut self, st: &mut Flags, at_start: bool) -> Res<Item> {
        let start = self.pos;
        self.pos += 1;
        if !self.eat('?') {
            return self.capture(st, start, None);
        }
        let Some(c) = self.peek() else {
            return syntax("unexpected end of pattern", self.pos);
        };
        match c {
            ':' => {
                self.pos += 1;
                self.out.push_str("(?:");
                self.body(st, start)?;
                Ok(Item::Atom)
            }
            'P' => {
                self.pos += 1;
                match self.peek() {
                    Some('<') => {
                        self.pos += 1;
                        let name = self.group_name('>')?;
                        self.capture(st, start, Some(name))
                    }
                    Some('=') => {
                        self.pos += 1;
                        let npos = self.pos;
                        let name = self.group_name(')')?;
                        match self.names.iter().find(|(n, _)| *n == name).map(|x| x.1) {
                            Some(g) if self.open.contains(&g) => {
                                syntax("cannot refer to an open group", npos)
                            }
                            Some(_) => {
                                self.unsupported("backreferences ((?P=name)) are");
                                Ok(Item::Atom)
                            }
                            None => syntax(format!("unknown group name '{name}'"), npos),
                        }
                    }
                    Some(_) => {
                        let t = self.token(self.pos)?;
                        syntax(format!("unknown extension ?P{t}"), start + 1)
                    }
                    None => syntax("unexpected end of pattern", self.pos),
                }
            }
            '#' => {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == ')' {
                        return Ok(Item::None);
                    }
                }
                syntax("missing ), unterminated comment", start)
            }
            '=' => self.unsupported_group(st, start, 1, "look-ahead assertions ((?=...)) are"),
            '!' => {
                self.unsupported_group(st, start, 1, "negative look-ahead assertions ((?!...)) are")
            }
            '<' => match self.peek_at(1) {
                Some('=') => {
                    self.unsupported_group(st, start, 2, "look-behind assertions ((?<=...)) are")
                }
                Some('!') => self.unsupported_group(
                    st,
                    start,
                    2,
                    "negative look-behind assertions ((?<!...)) are",
                ),
                Some(_) => {
                    let t = self.token(self.pos + 1)?;
                    syntax(format!("unknown extension ?<{t}"), start + 1)
                }
                None => syntax("unexpected end of pattern", self.pos + 1),
            },
            '(' => {
                self.pos += 1;
                let npos = self.pos;
                let name = self.raw_name(')')?;
                if name.bytes().all(|b| b.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g == 0 {
                        return syntax("bad group number", npos);
                    }
                    if g > self.groups {
                        return syntax(format!("invalid group reference {g}"), npos);
                    }
                } else if !is_ident(&name) {
                    return syntax(format!("bad character in group name '{name}'"), npos);
                } else if !self.names.iter().any(|(n, _)| *n == name) {
                    return syntax(format!("unknown group name '{name}'"), npos);
                }
                self.unsupported_group(st, start, 0, "conditional groups ((?(id)yes|no)) are")
            }
            '>' => self.unsupported_group(st, start, 1, "atomic groups ((?>...)) are"),
            c if "aiLmsux-".contains(c) => self.flags_group(st, start, at_start),
            _ => {
                let t = self.token(self.pos)?;
                syntax(format!("unknown extension ?{t}"), start + 1)
            }
        }
    }

    /// The pattern "token" at `at` as CPython's tokenizer reads it: one
    /// character, or a backslash with the character after it.
    fn token(&self, at: usize) -> Res<String> {
        let c = self.src.get(at).copied().unwrap_or('\0');
        if c != '\\' {
            return Ok(c.to_string());
        }
        match self.src.get(at + 1) {
            Some(n) => Ok(format!("\\{n}")),
            None => syntax("bad escape (end of pattern)", at),
        }
    }

    /// A group name up to `end`, with CPython's checks.
    fn group_name(&mut self, end: char) -> Res<String> {
        let npos = self.pos;
        let name = self.raw_name(end)?;
        if !is_ident(&name) {
            return syntax(format!("bad character in group name '{name}'"), npos);
        }
        Ok(name)
    }

    /// The text up to `end` (a non-empty name of any characters).
    fn raw_name(&mut self, end: char) -> Res<String> {
        let npos = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    let m = if name.is_empty() {
                        "missing group name"
                    } else if end == '>' {
                        "missing >, unterminated name"
                    } else {
                        "missing ), unterminated name"
                    };
                    return syntax(m, npos);
                }
                Some(c) if c == end => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return syntax("missing group name", npos);
        }
        Ok(name)
    }

    fn capture(&mut self, st: &mut Flags, start: usize, name: Option<String>) -> Res<Item> {
        self.groups += 1;
        let g = self.groups;
        if let Some(name) = name {
            if let Some((_, old)) = self.names.iter().find(|(n, _)| *n == name) {
                let msg =
                    format!("redefinition of group name '{name}' as group {g}; was group {old}");
                // CPython points at the name.
                let npos = start + 4;
                return syntax(msg, npos);
            }
            self.names.push((name, g));
        }
        self.engine_group.push(self.engine_count);
        self.engine_count += 1;
        self.open.push(g);
        self.out.push('(');
        self.body(st, start)?;
        self.open.retain(|x| *x != g);
        self.close_order.push(g);
        Ok(Item::Atom)
    }

    /// The inside of a group up to its `)`; the flags are restored after.
    fn body(&mut self, st: &mut Flags, start: usize) -> Res<()> {
        let saved = *st;
        if self.depth >= MAX_DEPTH {
            return Err(TranslateError::TooDeep);
        }
        self.depth += 1;
        let r = self.alternation(st, false);
        self.depth -= 1;
        r?;
        *st = saved;
        if !self.eat(')') {
            return syntax("missing ), unterminated subpattern", start);
        }
        self.out.push(')');
        Ok(())
    }

    /// `(?aiLmsux)` (global, only at the start) or `(?aiLmsux-imsx:...)`.
    fn flags_group(&mut self, st: &mut Flags, start: usize, at_start: bool) -> Res<Item> {
        let mut on = 0u32;
        let mut off = 0u32;
        let letter = |c: char| match c {
            'a' => Some(ASCII),
            'i' => Some(IGNORECASE),
            'L' => Some(LOCALE),
            'm' => Some(MULTILINE),
            's' => Some(DOTALL),
            'u' => Some(UNICODE),
            'x' => Some(VERBOSE),
            _ => None,
        };
        while let Some(f) = self.peek().and_then(letter) {
            self.pos += 1;
            if f == LOCALE && !self.bytes {
                return syntax(
                    "bad inline flags: cannot use 'L' flag with a str pattern",
                    self.pos,
                );
            }
            if f == UNICODE && self.bytes {
                return syntax(
                    "bad inline flags: cannot use 'u' flag with a bytes pattern",
                    self.pos,
                );
            }
            on |= f;
            let typed = on & (ASCII | LOCALE | UNICODE);
            if typed.count_ones() > 1 {
                return syntax(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    self.pos,
                );
            }
        }
        if self.eat('-') {
            loop {
                match self.peek() {
                    Some(c @ ('i' | 'm' | 's' | 'x')) => {
                        self.pos += 1;
                        off |= letter(c).unwrap_or(0);
                        if on & off != 0 {
                            return syntax("bad inline flags: flag turned on and off", self.pos);
                        }
                    }
                    Some(c @ ('a' | 'u' | 'L')) => {
                        self.pos += 1;
                        let _ = c;
                        return syntax(
                            "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                            self.pos,
                        );
                    }
                    Some(c) if off == 0 => {
                        let m = if c.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing flag"
                        };
                        return syntax(m, self.pos);
                    }
                    None if off == 0 => return syntax("missing flag", self.pos),
                    _ => break,
                }
            }
            if !self.eat(':') {
                return match self.peek() {
                    None => syntax("missing :", self.pos),
                    Some(c) if c.is_alphabetic() => syntax("unknown flag", self.pos),
                    Some(_) => syntax("missing :", self.pos),
                };
            }
            return self.scoped(st, start, on, off);
        }
        if self.eat(':') {
            return self.scoped(st, start, on, 0);
        }
        if self.eat(')') {
            if !at_start {
                return syntax("global flags not at the start of the expression", start);
            }
            self.global_flags |= on;
            self.apply(st, on, 0);
            if on & IGNORECASE != 0 {
                self.out.push_str("(?i)");
            }
            return Ok(Item::None);
        }
        match self.peek() {
            None => syntax("missing -, : or )", self.pos),
            Some(c) if c.is_alphabetic() => syntax("unknown flag", self.pos),
            Some(_) => syntax("missing -, : or )", self.pos),
        }
    }

    fn apply(&self, st: &mut Flags, on: u32, off: u32) {
        let set = |b: &mut bool, f: u32| {
            if on & f != 0 {
                *b = true;
            }
            if off & f != 0 {
                *b = false;
            }
        };
        set(&mut st.ignore, IGNORECASE);
        set(&mut st.multiline, MULTILINE);
        set(&mut st.dotall, DOTALL);
        set(&mut st.verbose, VERBOSE);
        if on & ASCII != 0 {
            st.ascii = true;
        }
        if on & UNICODE != 0 {
            st.ascii = false;
        }
    }

    fn scoped(&mut self, st: &mut Flags, start: usize, on: u32, off: u32) -> Res<Item> {
        let saved = *st;
        self.apply(st, on, off);
        self.out.push_str(match (st.ignore, saved.ignore) {
            (true, false) => "(?i:",
            (false, true) => "(?-i:",
            _ => "(?:",
        });
        self.body(st, start)?;
        *st = saved;
        Ok(Item::Atom)
    }

    /// The class text of `\d`, `\w`, `\s` (lower case) or their negations,
    /// usable both inside and outside `[...]`.
    fn class_escape(&self, c: char, st: &Flags) -> Option<&'static str> {
        let ascii = st.ascii;
        Some(match (c, ascii) {
            ('d', false) => "\\d",
            ('D', false) => "\\D",
            ('w', false) => "\\w",
            ('W', false) => "\\W",
            ('s', false) => "[\\s\\x{1c}-\\x{1f}]",
            ('S', false) => "[^\\s\\x{1c}-\\x{1f}]",
            ('d', true) => "[0-9]",
            ('D', true) => "[^0-9]",
            ('w', true) => "[0-9A-Za-z_]",
            ('W', true) => "[^0-9A-Za-z_]",
            ('s', true) => "[\\x{20}\\x{9}-\\x{d}]",
            ('S', true) => "[^\\x{20}\\x{9}-\\x{d}]",
            _ => return None,
        })
    }

    /// An escape outside a class, at `\`.
    fn escape(&mut self, st: &Flags) -> Res<Item> {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else {
            return syntax("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        if let Some(cls) = self.class_escape(c, st) {
            self.out.push_str(cls);
            return Ok(Item::Atom);
        }
        match c {
            'A' => self.out.push_str("\\A"),
            'Z' => self.out.push_str("\\z"),
            'b' | 'B' => {
                // The engine's `\b` is Unicode in str patterns; an ASCII
                // boundary is spelled by hand as ASCII word-class tests.
                let w = if st.ascii && !self.bytes {
                    "(?-u:\\"
                } else {
                    "(?:\\"
                };
                self.out.push_str(w);
                self.out.push(c);
                self.out.push(')');
            }
            '0'..='9' => return self.numeric_escape(start, c),
            _ => {
                let ch = self.literal_escape(start, c, false)?;
                self.lit(ch);
                return Ok(Item::Atom);
            }
        }
        Ok(Item::Assertion)
    }

    /// `\0`, octal escapes and group references (after the first digit).
    fn numeric_escape(&mut self, start: usize, c: char) -> Res<Item> {
        let is_oct = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
        if c == '0' {
            let mut v = 0u32;
            for _ in 0..2 {
                if is_oct(self.peek()) {
                    v = v * 8 + self.peek().and_then(|d| d.to_digit(8)).unwrap_or(0);
                    self.pos += 1;
                } else {
                    break;
                }
            }
            self.lit(char::from_u32(v).unwrap_or('\0'));
            return Ok(Item::Atom);
        }
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            if ('0'..='7').contains(&c) && is_oct(self.peek()) && is_oct(self.peek_at(1)) {
                let text: String = self
                    .src
                    .get(start + 1..start + 4)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                self.pos += 2;
                let v = u32::from_str_radix(&text, 8).unwrap_or(0);
                if v > 0o377 {
                    return syntax(
                        format!("octal escape value \\{text} outside of range 0-0o377"),
                        start,
                    );
                }
                self.lit(char::from_u32(v).unwrap_or('\0'));
                return Ok(Item::Atom);
            }
            self.pos += 1;
        }
        let text: String = self
            .src
            .get(start + 1..self.pos)
            .unwrap_or(&[])
            .iter()
            .collect();
        let g: usize = text.parse().unwrap_or(usize::MAX);
        if g > self.groups {
            return syntax(format!("invalid group reference {g}"), start + 1);
        }
        if self.open.contains(&g) {
            return syntax("cannot refer to an open group", start);
        }
        self.unsupported("backreferences (\\1) are");
        Ok(Item::Atom)
    }

    /// The character of a literal escape (`\n`, `\x41`, `\u00e9`,
    /// `\N{...}`, `\.`) whose letter `c` was just read; `\b` is a
    /// backspace in a class.
    fn literal_escape(&mut self, start: usize, c: char, in_class: bool) -> Res<char> {
        Ok(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            'b' if in_class => '\x08',
            'x' => self.hex_escape(start, 2)?,
            'u' if !self.bytes => self.hex_escape(start, 4)?,
            'U' if !self.bytes => self.hex_escape(start, 8)?,
            'N' if !self.bytes => self.named_escape(start)?,
            c if c.is_ascii_alphanumeric() => {
                return syntax(format!("bad escape \\{c}"), start);
            }
            c => c,
        })
    }

    fn hex_escape(&mut self, start: usize, n: usize) -> Res<char> {
        let mut text = String::new();
        while text.len() < n {
            match self.peek() {
                Some(d) if d.is_ascii_hexdigit() => {
                    text.push(d);
                    self.pos += 1;
                }
                _ => break,
            }
        }
        let letter = self.src.get(start + 1).copied().unwrap_or('x');
        if text.len() < n {
            return syntax(format!("incomplete escape \\{letter}{text}"), start);
        }
        let v = u32::from_str_radix(&text, 16).unwrap_or(u32::MAX);
        match char::from_u32(v) {
            Some(ch) if n != 8 || v <= 0x10ffff => Ok(ch),
            // Surrogates: not representable in a Rust pattern.
            None if v <= 0x10ffff => {
                self.unsupported("surrogate code points in patterns are");
                Ok('\0')
            }
            _ => syntax(format!("bad escape \\{letter}{text}"), start),
        }
    }

    fn named_escape(&mut self, start: usize) -> Res<char> {
        if !self.eat('{') {
            return syntax("missing {", self.pos);
        }
        let npos = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                Some('}') => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
                None => {
                    if name.is_empty() {
                        return syntax("missing character name", npos);
                    }
                    return syntax("missing }, unterminated name", npos);
                }
            }
        }
        if name.is_empty() {
            return syntax("missing character name", npos);
        }
        match unicode_names2::character(&name) {
            Some(ch) => Ok(ch),
            None => syntax(format!("undefined character name '{name}'"), start),
        }
    }

    /// A character class; `self.pos` is just after `[`.
    fn class(&mut self, st: &Flags, start: usize) -> Res<()> {
        self.out.push('[');
        if self.eat('^') {
            self.out.push('^');
        }
        let mut first = true;
        let mut any = false;
        loop {
            let ipos = self.pos;
            let Some(c) = self.peek() else {
                return syntax("unterminated character set", start);
            };
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            let lo = self.class_item(st)?;
            // A range `lo-hi` (a `-` before `]` is a literal).
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                let hpos = self.pos;
                if self.peek().is_none() {
                    return syntax("unterminated character set", start);
                }
                let hi = self.class_item(st)?;
                match (lo, hi) {
                    (ClassItem::Char(a), ClassItem::Char(b)) => {
                        if b < a {
                            let text: String =
                                self.src.get(ipos..self.pos).unwrap_or(&[]).iter().collect();
                            return syntax(format!("bad character range {text}"), ipos);
                        }
                        self.lit(a);
                        self.out.push('-');
                        self.lit(b);
                    }
                    _ => {
                        let _ = hpos;
                        let text: String =
                            self.src.get(ipos..self.pos).unwrap_or(&[]).iter().collect();
                        return syntax(format!("bad character range {text}"), ipos);
                    }
                }
            } else {
                match lo {
                    ClassItem::Char(a) => self.lit(a),
                    ClassItem::Class(s) => self.out.push_str(s),
                }
            }
            any = true;
        }
        if !any {
            return syntax("unterminated character set", start);
        }
        self.out.push(']');
        Ok(())
    }

    fn class_item(&mut self, st: &Flags) -> Res<ClassItem> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return syntax("unterminated character set", start);
        };
        self.pos += 1;
        if c != '\\' {
            return Ok(ClassItem::Char(c));
        }
        let Some(e) = self.peek() else {
            return syntax("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        if let Some(cls) = self.class_escape(e, st) {
            return Ok(ClassItem::Class(cls));
        }
        if e.is_ascii_digit() {
            let is_oct = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
            if !('0'..='7').contains(&e) {
                return syntax(format!("bad escape \\{e}"), start);
            }
            let mut text = String::from(e);
            while text.len() < 3 && is_oct(self.peek()) {
                text.extend(self.peek());
                self.pos += 1;
            }
            let v = u32::from_str_radix(&text, 8).unwrap_or(0);
            if v > 0o377 {
                return syntax(
                    format!("octal escape value \\{text} outside of range 0-0o377"),
                    start,
                );
            }
            return Ok(ClassItem::Char(char::from_u32(v).unwrap_or('\0')));
        }
        Ok(ClassItem::Char(self.literal_escape(start, e, true)?))
    }
}

enum ClassItem {
    Char(char),
    Class(&'static str),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(p: &str) -> Result<Translated, TranslateError> {
        translate(&p.chars().collect::<Vec<_>>(), 0, false)
    }

    fn err(p: &str) -> (String, usize) {
        match tr(p) {
            Err(TranslateError::Syntax { msg, pos }) => (msg, pos),
            other => panic!("{p:?}: {other:?}"),
        }
    }

    #[test]
    fn syntax_errors_match_cpython() {
        assert_eq!(err("("), ("missing ), unterminated subpattern".into(), 0));
        assert_eq!(err("a**"), ("multiple repeat".into(), 2));
        assert_eq!(err("[b-a]"), ("bad character range b-a".into(), 1));
        assert_eq!(
            err("a(?i)"),
            ("global flags not at the start of the expression".into(), 1)
        );
        assert_eq!(err("(a\\1)"), ("cannot refer to an open group".into(), 2));
    }

    #[test]
    fn unsupported_features_are_named() {
        for p in [
            "(?=a)",
            "(?<=a)b",
            "(a)\\1",
            "(?>a)",
            "a*+",
            "(a)(?(1)a|b)",
            "(?P<n>a)(?P=n)",
        ] {
            match tr(p) {
                Err(TranslateError::Unsupported(m)) => assert!(m.contains("not supported"), "{m}"),
                other => panic!("{p:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn groups_and_names() {
        let t = tr("(?P<x>a)(b)(?:c)$").unwrap_or_default();
        assert_eq!(t.groups, 2);
        assert_eq!(t.names, vec![("x".to_string(), 1)]);
        assert_eq!(t.engine_group, vec![0, 1, 2]);
        assert_eq!(t.dollar_groups, vec![3]);
    }
}
