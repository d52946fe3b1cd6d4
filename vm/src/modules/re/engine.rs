//! A compiled pattern on the `regex-automata` meta engine (the engine of
//! the `regex` crate, used directly for its anchored searches in a span,
//! which `match`/`fullmatch` with `pos` need), and Python's search
//! semantics over it: `pos`/`endpos`, the three match modes, the
//! empty-match rules of `finditer`, and Python group numbering.
//!
//! Offsets here are byte offsets into the subject; `mod.rs` converts them
//! to code point indices for str subjects.

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use super::translate::Translated;

/// How a search is anchored.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Search,
    Match,
    FullMatch,
}

/// The spans of Python groups 0..=groups (None: did not participate).
pub type Spans = Vec<Option<(usize, usize)>>;

pub struct Engine {
    re: Regex,
    /// The pattern followed by `\z`, for `fullmatch`: the engine's
    /// leftmost-first match need not be the one ending at `endpos`.
    full: Regex,
    /// For an empty subject when the pattern has `\B`, which CPython never
    /// matches there: the pattern with `\B` made impossible (and its
    /// fullmatch form).
    empty: Option<(Regex, Regex)>,
    pub tr: Translated,
    pub bytes: bool,
}

fn build(pattern: &str, bytes: bool) -> Result<Regex, String> {
    let syn = syntax::Config::new()
        .unicode(!bytes)
        .utf8(!bytes)
        .nest_limit(1000);
    let cfg = meta::Config::new()
        .utf8_empty(!bytes)
        .nfa_size_limit(Some(64 << 20));
    Regex::builder()
        .syntax(syn)
        .configure(cfg)
        .build(pattern)
        .map_err(|e| match (e.size_limit(), e.syntax_error()) {
            (Some(n), _) => format!("the compiled pattern would exceed {n} bytes"),
            (None, Some(se)) => se.to_string().lines().last().unwrap_or("").to_string(),
            (None, None) => e.to_string(),
        })
}

impl Engine {
    /// Builds the engine; an error here is a limit of the engine (size,
    /// nesting), reported as NotImplementedError by the caller.
    pub fn new(tr: Translated, bytes: bool) -> Result<Engine, String> {
        let re = build(&tr.pattern, bytes)?;
        let full = build(&format!("(?:{})\\z", tr.pattern), bytes)?;
        // The translator spells `\B` only in these forms (a literal
        // backslash is `\x{5c}`), so the replacement is exact.
        let empty = if tr.pattern.contains("\\B)") {
            let never = if bytes {
                "[^\\x00-\\xff]"
            } else {
                "[^\\x{0}-\\x{10ffff}]"
            };
            let p = tr
                .pattern
                .replace("(?:\\B)", never)
                .replace("(?-u:\\B)", never);
            Some((build(&p, bytes)?, build(&format!("(?:{p})\\z"), bytes)?))
        } else {
            None
        };
        Ok(Engine {
            re,
            full,
            empty,
            tr,
            bytes,
        })
    }

    /// One search in `hay[..end]` starting at `start` (byte offsets).
    pub fn search(&self, hay: &[u8], start: usize, end: usize, mode: Mode) -> Option<Spans> {
        let mut caps = self.re.create_captures();
        self.search_with(&mut caps, hay, start, end, mode)
    }

    /// `search` with the caller's capture slots (reused across a scan).
    fn search_with(
        &self,
        caps: &mut Captures,
        hay: &[u8],
        start: usize,
        end: usize,
        mode: Mode,
    ) -> Option<Spans> {
        let hay = hay.get(..end)?;
        if start > end {
            return None;
        }
        let (re, full) = match &self.empty {
            Some((r, f)) if end == 0 => (r, f),
            _ => (&self.re, &self.full),
        };
        let re = if mode == Mode::FullMatch { full } else { re };
        let anchored = if mode == Mode::Search {
            Anchored::No
        } else {
            Anchored::Yes
        };
        let input = Input::new(hay).span(start..end).anchored(anchored);
        if self.tr.engine_group.len() == 1 && self.tr.dollar_groups.is_empty() {
            // No groups to report: the faster search without captures.
            let m = re.search(&input)?;
            return Some(vec![Some((m.start(), m.end()))]);
        }
        re.search_captures(&input, caps);
        if !caps.is_match() {
            return None;
        }
        Some(self.spans(caps))
    }

    /// Python group spans from the engine's, with a newline consumed by a
    /// non-MULTILINE `$` given back (see `Translated::dollar_groups`).
    fn spans(&self, caps: &Captures) -> Spans {
        let get = |i: usize| caps.get_group(i).map(|s| (s.start, s.end));
        let mut out: Spans = self.tr.engine_group.iter().map(|&i| get(i)).collect();
        for &d in &self.tr.dollar_groups {
            if let Some((s, e)) = get(d) {
                if e == s + 1 {
                    for (a, b) in out.iter_mut().flatten() {
                        if *a == e {
                            *a = s;
                        }
                        if *b == e {
                            *b = s;
                        }
                    }
                }
            }
        }
        out
    }

    /// All matches from `start` in `hay[..end]`, as `finditer` sees them:
    /// an empty match may follow a non-empty one at the same position, but
    /// the search after an empty match must move on. At most `limit`
    /// matches when `limit > 0`. `next_char` gives the byte length of the
    /// character at an offset (1 for bytes).
    pub fn scan(
        &self,
        hay: &[u8],
        start: usize,
        end: usize,
        limit: usize,
        next_char: &dyn Fn(usize) -> usize,
    ) -> Vec<Spans> {
        let mut out = Vec::new();
        let mut pos = start;
        let mut must_advance = false;
        let mut caps = self.re.create_captures();
        while pos <= end {
            let Some(m) = self.search_with(&mut caps, hay, pos, end, Mode::Search) else {
                break;
            };
            let (s, e) = m.first().copied().flatten().unwrap_or((pos, pos));
            if must_advance && s == pos && e == pos {
                // The engine prefers this empty match; Python would try the
                // pattern's other alternatives here, the engine moves on.
                if pos >= end {
                    break;
                }
                pos += next_char(pos).max(1);
                must_advance = false;
                continue;
            }
            out.push(m);
            if limit > 0 && out.len() >= limit {
                break;
            }
            must_advance = s == e;
            pos = e;
        }
        out
    }
}
