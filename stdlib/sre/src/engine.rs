//! The SRE matcher: runs the code words that CPython 3.11's `re._compiler`
//! produces against a subject (bytes or code points), with CPython's
//! backtracking semantics.
//!
//! It is an explicit-stack backtracking machine, never recursive: every
//! choice point (a BRANCH alternative, a shorter greedy repeat, one more
//! lazy repeat, ...) is a `Frame` on a stack, and every change to the
//! capture marks or to the repeat contexts is logged on a trail, so that
//! returning to a choice point undoes exactly what happened after it.
//! Look-arounds, atomic groups and possessive repeats run their body above
//! a barrier frame; reaching the body's SUCCESS cuts the stack back to the
//! barrier (the body's choices are forgotten, as CPython forgets them).
//!
//! The code is not trusted (`_sre.compile` accepts any list of ints): a
//! malformed program ends the match with `Stop::Invalid`, never a panic.
//! Every few thousand steps the caller's `poll` runs, so the VM's
//! instruction budget, time limit and Ctrl-C stop a catastrophic pattern.

use crate::chars;
use crate::opcodes::*;

/// The subject of a match: its characters by index.
pub trait Subject {
    fn len(&self) -> usize;
    /// The character at `i` (callers check `i < len()`).
    fn at(&self, i: usize) -> u32;
    /// The first index in `from..to` holding `ch`.
    fn find(&self, from: usize, to: usize, ch: u32) -> Option<usize> {
        (from..to).find(|&i| self.at(i) == ch)
    }
}

impl Subject for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.get(i).map_or(0, |&b| u32::from(b))
    }
    fn find(&self, from: usize, to: usize, ch: u32) -> Option<usize> {
        let b = u8::try_from(ch).ok()?;
        let hay = self.get(from..to)?;
        hay.iter().position(|&x| x == b).map(|i| i + from)
    }
}

impl Subject for [u32] {
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.get(i).copied().unwrap_or(0)
    }
    fn find(&self, from: usize, to: usize, ch: u32) -> Option<usize> {
        let hay = self.get(from..to)?;
        hay.iter().position(|&x| x == ch).map(|i| i + from)
    }
}

/// Why a match stopped without an answer.
#[derive(Debug)]
pub enum Stop<E> {
    /// The code is malformed.
    Invalid,
    /// The backtracking stack outgrew the engine's bound.
    TooBig,
    /// The caller's poll said stop (a limit or an interrupt).
    Interrupted(E),
}

/// A successful match: its span and the marks (NONE where unset).
#[derive(Debug, Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<usize>,
    pub lastindex: isize,
}

impl Found {
    /// Group `g`'s span (0 is the whole match), None if it did not take part.
    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        if g == 0 {
            return Some((self.start, self.end));
        }
        let a = *self.marks.get(2 * g - 2)?;
        let b = *self.marks.get(2 * g - 1)?;
        (a != NONE && b != NONE && a <= b).then_some((a, b))
    }
}

pub const NONE: usize = usize::MAX;
/// Steps between two calls of the poll.
const POLL_EVERY: u32 = 2048;
/// Bound on frames plus trail entries (each a few words).
const MAX_STACK: usize = 1 << 26;

/// What a match is asked.
pub struct Request<'a, S: ?Sized> {
    pub code: &'a [u32],
    pub text: &'a S,
    pub pos: usize,
    pub end: usize,
    /// fullmatch: SUCCESS only at `end`.
    pub match_all: bool,
    /// An empty match at `pos` does not count (finditer/sub after an
    /// empty match).
    pub must_advance: bool,
    /// How many marks the pattern has (2 per group).
    pub nmarks: usize,
}

enum Undo {
    Mark {
        i: usize,
        old: usize,
        lastindex: isize,
    },
    Count {
        rp: usize,
        old: i64,
    },
    Last {
        rp: usize,
        old: usize,
    },
    Cur(usize),
}

/// A REPEAT's context: the iterations so far and where the last began.
struct Repeat {
    count: i64,
    last: usize,
    /// Index of the REPEAT opcode.
    pc: usize,
    prev: usize,
}

#[derive(Clone, Copy)]
enum Sub {
    Assert,
    AssertNot,
    Atomic,
    Possessive {
        count: u32,
        min: u32,
        max: u32,
        body: usize,
    },
}

enum Kind {
    Branch {
        alt: usize,
        pos: usize,
    },
    Greedy {
        start: usize,
        count: usize,
        min: usize,
        tail: usize,
        lit: Option<u32>,
    },
    Lazy {
        item: usize,
        tail: usize,
        pos: usize,
        count: usize,
        max: u32,
    },
    MaxTail {
        rp: usize,
        pos: usize,
        tail: usize,
    },
    MinBody {
        rp: usize,
        pos: usize,
        count: i64,
    },
    Barrier {
        sub: Sub,
        cont: usize,
        pos: usize,
    },
}

struct Frame {
    trail: usize,
    reps: usize,
    barrier: usize,
    kind: Kind,
}

struct Machine<'a, 'p, S: ?Sized, E> {
    code: &'a [u32],
    s: &'a S,
    end: usize,
    start: usize,
    match_all: bool,
    must_advance: bool,
    marks: Vec<usize>,
    lastindex: isize,
    trail: Vec<Undo>,
    frames: Vec<Frame>,
    reps: Vec<Repeat>,
    cur: usize,
    barrier: usize,
    steps: u32,
    poll: &'p mut dyn FnMut() -> Result<(), E>,
}

type R<T, E> = Result<T, Stop<E>>;

/// Runs `req` as `match` (anchored at `pos`) or `search`.
pub fn run<S: Subject + ?Sized, E>(
    req: &Request<'_, S>,
    search: bool,
    poll: &mut dyn FnMut() -> Result<(), E>,
) -> R<Option<Found>, E> {
    let end = req.end.min(req.text.len());
    if req.pos > end {
        return Ok(None);
    }
    let mut m = Machine {
        code: req.code,
        s: req.text,
        end,
        start: req.pos,
        match_all: req.match_all,
        must_advance: req.must_advance,
        marks: vec![NONE; req.nmarks],
        lastindex: -1,
        trail: Vec::new(),
        frames: Vec::new(),
        reps: Vec::new(),
        cur: NONE,
        barrier: NONE,
        steps: 0,
        poll,
    };
    m.drive(req.pos, search)
}

impl<S: Subject + ?Sized, E> Machine<'_, '_, S, E> {
    #[inline]
    fn w(&self, i: usize) -> R<u32, E> {
        self.code.get(i).copied().ok_or(Stop::Invalid)
    }

    /// A forward skip: `base + word`, which must move forward.
    fn skip(&self, base: usize) -> R<usize, E> {
        let n = self.w(base)? as usize;
        if n == 0 {
            return Err(Stop::Invalid);
        }
        Ok(base + n)
    }

    #[inline]
    fn tick(&mut self) -> R<(), E> {
        self.steps += 1;
        if self.steps >= POLL_EVERY {
            self.steps = 0;
            (self.poll)().map_err(Stop::Interrupted)?;
            if self.frames.len() + self.trail.len() > MAX_STACK {
                return Err(Stop::TooBig);
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = NONE);
        self.lastindex = -1;
        self.trail.clear();
        self.frames.clear();
        self.reps.clear();
        self.cur = NONE;
        self.barrier = NONE;
    }

    fn found(&self, start: usize, end: usize) -> Found {
        Found {
            start,
            end,
            marks: self.marks.clone(),
            lastindex: self.lastindex,
        }
    }

    /// `match` or `search` from `pos`, using the INFO block to skip
    /// starts that cannot match.
    fn drive(&mut self, pos: usize, search: bool) -> R<Option<Found>, E> {
        let mut body = 0;
        let mut min = 0usize;
        let mut first_lit = None;
        let mut first_set = None;
        if self.w(0)? == INFO {
            body = self.skip(1)?;
            let flags = self.w(2)?;
            min = self.w(3)? as usize;
            if flags & INFO_PREFIX != 0 {
                if self.w(5)? > 0 {
                    first_lit = Some(self.w(7)?);
                }
            } else if flags & INFO_CHARSET != 0 {
                first_set = Some(5);
            }
        }
        if self.end - pos < min {
            return Ok(None);
        }
        if !search {
            self.reset();
            return self.attempt(body, pos);
        }
        // A pattern anchored at the beginning can only match at one place.
        let anchored =
            self.w(body)? == AT && matches!(self.w(body + 1)?, AT_BEGINNING | AT_BEGINNING_STRING);
        let mut start = pos;
        loop {
            if self.end - start < min {
                return Ok(None);
            }
            if let Some(c) = first_lit {
                match self.s.find(start, self.end, c) {
                    Some(i) => start = i,
                    None => return Ok(None),
                }
            } else if let Some(set) = first_set {
                if let Some(test) = self.single_category(set) {
                    while start < self.end && !test(self.s.at(start)) {
                        start += 1;
                    }
                } else {
                    while start < self.end && !self.charset(set, self.s.at(start))? {
                        start += 1;
                        self.tick()?;
                    }
                }
                if start >= self.end {
                    return Ok(None);
                }
            }
            if self.end - start < min {
                return Ok(None);
            }
            self.reset();
            if let Some(f) = self.attempt(body, start)? {
                return Ok(Some(f));
            }
            if anchored || start >= self.end {
                return Ok(None);
            }
            start += 1;
            self.tick()?;
        }
    }

    fn set_mark(&mut self, i: usize, pos: usize) -> R<(), E> {
        let old = *self.marks.get(i).ok_or(Stop::Invalid)?;
        self.trail.push(Undo::Mark {
            i,
            old,
            lastindex: self.lastindex,
        });
        if let Some(m) = self.marks.get_mut(i) {
            *m = pos;
        }
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        Ok(())
    }

    fn set_count(&mut self, rp: usize, count: i64) -> R<(), E> {
        let r = self.reps.get_mut(rp).ok_or(Stop::Invalid)?;
        self.trail.push(Undo::Count { rp, old: r.count });
        r.count = count;
        Ok(())
    }

    fn set_last(&mut self, rp: usize, last: usize) -> R<(), E> {
        let r = self.reps.get_mut(rp).ok_or(Stop::Invalid)?;
        self.trail.push(Undo::Last { rp, old: r.last });
        r.last = last;
        Ok(())
    }

    fn set_cur(&mut self, cur: usize) {
        self.trail.push(Undo::Cur(self.cur));
        self.cur = cur;
    }

    fn undo_to(&mut self, len: usize) {
        while self.trail.len() > len {
            match self.trail.pop() {
                Some(Undo::Mark { i, old, lastindex }) => {
                    if let Some(m) = self.marks.get_mut(i) {
                        *m = old;
                    }
                    self.lastindex = lastindex;
                }
                Some(Undo::Count { rp, old }) => {
                    if let Some(r) = self.reps.get_mut(rp) {
                        r.count = old;
                    }
                }
                Some(Undo::Last { rp, old }) => {
                    if let Some(r) = self.reps.get_mut(rp) {
                        r.last = old;
                    }
                }
                Some(Undo::Cur(c)) => self.cur = c,
                None => break,
            }
        }
    }

    fn push(&mut self, kind: Kind) {
        self.frames.push(Frame {
            trail: self.trail.len(),
            reps: self.reps.len(),
            barrier: self.barrier,
            kind,
        });
    }

    fn repeat(&self, rp: usize) -> R<&Repeat, E> {
        self.reps.get(rp).ok_or(Stop::Invalid)
    }

    /// The test of a set that is one CATEGORY item (`[\\w]`, `\\d`).
    fn single_category(&self, pc: usize) -> Option<fn(u32) -> bool> {
        match (
            self.code.get(pc),
            self.code.get(pc + 1),
            self.code.get(pc + 2),
        ) {
            (Some(&CATEGORY), Some(&c), Some(&FAILURE)) => chars::category_fn(c),
            _ => None,
        }
    }

    /// Whether the set at `pc` (items up to FAILURE) holds `ch`.
    fn charset(&self, mut pc: usize, ch: u32) -> R<bool, E> {
        let mut ok = true;
        loop {
            match self.w(pc)? {
                FAILURE => return Ok(!ok),
                LITERAL => {
                    if ch == self.w(pc + 1)? {
                        return Ok(ok);
                    }
                    pc += 2;
                }
                CATEGORY => {
                    if chars::category(self.w(pc + 1)?, ch).ok_or(Stop::Invalid)? {
                        return Ok(ok);
                    }
                    pc += 2;
                }
                CHARSET => {
                    if ch < 256 && self.w(pc + 1 + (ch as usize >> 5))? & (1 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                    pc += 1 + 8;
                }
                RANGE => {
                    if self.w(pc + 1)? <= ch && ch <= self.w(pc + 2)? {
                        return Ok(ok);
                    }
                    pc += 3;
                }
                RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.w(pc + 1)?, self.w(pc + 2)?);
                    if lo <= ch && ch <= hi {
                        return Ok(ok);
                    }
                    let up = chars::uni_upper(ch);
                    if lo <= up && up <= hi {
                        return Ok(ok);
                    }
                    pc += 3;
                }
                NEGATE => {
                    ok = !ok;
                    pc += 1;
                }
                BIGCHARSET => {
                    let n = self.w(pc + 1)? as usize;
                    pc += 2;
                    if ch < 65536 {
                        let hi = (ch >> 8) as usize;
                        let word = self.w(pc + hi / 4)?;
                        let block = ((word >> (8 * (hi % 4))) & 0xff) as usize;
                        let lo = ch & 255;
                        let bits = self.w(pc + 64 + block * 8 + (lo as usize >> 5))?;
                        if bits & (1 << (lo & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    pc += 64 + n * 8;
                }
                _ => return Err(Stop::Invalid),
            }
        }
    }

    /// Whether the one-character item at `pc` accepts `ch`.
    #[inline]
    fn one(&self, pc: usize, ch: u32) -> R<bool, E> {
        Ok(match self.w(pc)? {
            ANY => ch != u32::from(b'\n'),
            ANY_ALL => true,
            LITERAL => ch == self.w(pc + 1)?,
            NOT_LITERAL => ch != self.w(pc + 1)?,
            LITERAL_IGNORE => chars::ascii_lower(ch) == self.w(pc + 1)?,
            NOT_LITERAL_IGNORE => chars::ascii_lower(ch) != self.w(pc + 1)?,
            LITERAL_UNI_IGNORE => chars::uni_lower(ch) == self.w(pc + 1)?,
            NOT_LITERAL_UNI_IGNORE => chars::uni_lower(ch) != self.w(pc + 1)?,
            LITERAL_LOC_IGNORE => loc_eq(self.w(pc + 1)?, ch),
            NOT_LITERAL_LOC_IGNORE => !loc_eq(self.w(pc + 1)?, ch),
            CATEGORY => chars::category(self.w(pc + 1)?, ch).ok_or(Stop::Invalid)?,
            IN => self.charset(pc + 2, ch)?,
            IN_IGNORE => self.charset(pc + 2, chars::ascii_lower(ch))?,
            IN_UNI_IGNORE => self.charset(pc + 2, chars::uni_lower(ch))?,
            IN_LOC_IGNORE => {
                self.charset(pc + 2, ch)?
                    || self.charset(pc + 2, chars::locale_lower(ch))?
                    || self.charset(pc + 2, chars::locale_upper(ch))?
            }
            _ => return Err(Stop::Invalid),
        })
    }

    /// How many times (up to `max`) the one-character item at `pc`
    /// matches from `pos` on.
    fn count(&mut self, pc: usize, pos: usize, max: u32) -> R<usize, E> {
        let limit = if max == MAXREPEAT {
            self.end
        } else {
            self.end.min(pos.saturating_add(max as usize))
        };
        let mut p = pos;
        match self.w(pc)? {
            ANY_ALL => return Ok(limit.saturating_sub(pos)),
            ANY => {
                while p < limit && self.s.at(p) != u32::from(b'\n') {
                    p += 1;
                }
            }
            LITERAL => {
                let c = self.w(pc + 1)?;
                while p < limit && self.s.at(p) == c {
                    p += 1;
                }
            }
            IN if self.single_category(pc + 2).is_some() => {
                if let Some(test) = self.single_category(pc + 2) {
                    while p < limit && test(self.s.at(p)) {
                        p += 1;
                    }
                }
            }
            _ => {
                while p < limit && self.one(pc, self.s.at(p))? {
                    p += 1;
                    if p & 0xfff == 0 {
                        self.tick()?;
                    }
                }
            }
        }
        Ok(p - pos)
    }

    fn word_at(&self, pos: usize, word: fn(u32) -> bool) -> (bool, bool) {
        let before = pos > 0 && word(self.s.at(pos - 1));
        let here = pos < self.end && word(self.s.at(pos));
        (before, here)
    }

    fn at_code(&self, code: u32, pos: usize) -> R<bool, E> {
        let nl = u32::from(b'\n');
        Ok(match code {
            AT_BEGINNING | AT_BEGINNING_STRING => pos == 0,
            AT_BEGINNING_LINE => pos == 0 || self.s.at(pos - 1) == nl,
            AT_END => pos == self.end || (pos + 1 == self.end && self.s.at(pos) == nl),
            AT_END_LINE => pos == self.end || self.s.at(pos) == nl,
            AT_END_STRING => pos == self.end,
            AT_BOUNDARY | AT_NON_BOUNDARY | AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY
            | AT_UNI_BOUNDARY | AT_UNI_NON_BOUNDARY => {
                if self.end == 0 {
                    return Ok(false);
                }
                let word: fn(u32) -> bool = match code {
                    AT_BOUNDARY | AT_NON_BOUNDARY => chars::is_word,
                    AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY => chars::is_loc_word,
                    _ => chars::is_uni_word,
                };
                let (a, b) = self.word_at(pos, word);
                match code {
                    AT_BOUNDARY | AT_LOC_BOUNDARY | AT_UNI_BOUNDARY => a != b,
                    _ => a == b,
                }
            }
            _ => return Err(Stop::Invalid),
        })
    }

    /// GROUPREF*: the group's text again at `pos`; the new position.
    fn groupref(&self, g: usize, pos: usize, fold: fn(u32) -> u32) -> R<Option<usize>, E> {
        let (a, b) = match (self.marks.get(2 * g), self.marks.get(2 * g + 1)) {
            (Some(&a), Some(&b)) => (a, b),
            _ => return Err(Stop::Invalid),
        };
        if a == NONE || b == NONE || b < a {
            return Ok(None);
        }
        let n = b - a;
        if self.end - pos < n {
            return Ok(None);
        }
        for k in 0..n {
            if fold(self.s.at(a + k)) != fold(self.s.at(pos + k)) {
                return Ok(None);
            }
        }
        Ok(Some(pos + n))
    }

    /// Runs from `pc`/`pos` until the top-level SUCCESS or total failure.
    fn attempt(&mut self, mut pc: usize, mut pos: usize) -> R<Option<Found>, E> {
        let begin = pos;
        loop {
            self.tick()?;
            let op = self.w(pc)?;
            let ok = match op {
                FAILURE => false,
                SUCCESS => {
                    if self.barrier != NONE {
                        match self.finish_sub(pos)? {
                            Some((p, q)) => {
                                pc = p;
                                pos = q;
                                true
                            }
                            None => false,
                        }
                    } else if (self.match_all && pos != self.end)
                        || (self.must_advance && pos == self.start)
                    {
                        false
                    } else {
                        return Ok(Some(self.found(begin, pos)));
                    }
                }
                ANY | ANY_ALL => {
                    if pos < self.end && self.one(pc, self.s.at(pos))? {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                LITERAL
                | NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE
                | CATEGORY => {
                    if pos < self.end && self.one(pc, self.s.at(pos))? {
                        pos += 1;
                        pc += 2;
                        true
                    } else {
                        false
                    }
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if pos < self.end && self.one(pc, self.s.at(pos))? {
                        pos += 1;
                        pc = self.skip(pc + 1)?;
                        true
                    } else {
                        false
                    }
                }
                AT => {
                    if self.at_code(self.w(pc + 1)?, pos)? {
                        pc += 2;
                        true
                    } else {
                        false
                    }
                }
                INFO => {
                    pc = self.skip(pc + 1)?;
                    true
                }
                JUMP => {
                    pc = self.skip(pc + 1)?;
                    true
                }
                MARK => {
                    self.set_mark(self.w(pc + 1)? as usize, pos)?;
                    pc += 2;
                    true
                }
                BRANCH => {
                    let first = pc + 1;
                    match self.branch_from(first, pos)? {
                        Some(p) => {
                            pc = p;
                            true
                        }
                        None => false,
                    }
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => chars::ascii_lower,
                        GROUPREF_UNI_IGNORE => chars::uni_lower,
                        _ => chars::locale_lower,
                    };
                    match self.groupref(self.w(pc + 1)? as usize, pos, fold)? {
                        Some(p) => {
                            pos = p;
                            pc += 2;
                            true
                        }
                        None => false,
                    }
                }
                GROUPREF_EXISTS => {
                    let g = self.w(pc + 1)? as usize;
                    let set = matches!(
                        (self.marks.get(2 * g), self.marks.get(2 * g + 1)),
                        (Some(&a), Some(&b)) if a != NONE && b != NONE && a <= b
                    );
                    pc = if set { pc + 3 } else { self.skip(pc + 2)? - 1 };
                    true
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let tail = self.skip(pc + 1)?;
                    let (min, max) = (self.w(pc + 2)?, self.w(pc + 3)?);
                    let item = pc + 4;
                    if (self.end - pos) < min as usize {
                        false
                    } else if op == MIN_REPEAT_ONE {
                        let n = if min == 0 {
                            0
                        } else {
                            self.count(item, pos, min)?
                        };
                        if n < min as usize {
                            false
                        } else {
                            pos += n;
                            self.push(Kind::Lazy {
                                item,
                                tail,
                                pos,
                                count: n,
                                max,
                            });
                            pc = tail;
                            true
                        }
                    } else {
                        let n = self.count(item, pos, max)?;
                        if n < min as usize {
                            false
                        } else if op == POSSESSIVE_REPEAT_ONE {
                            pos += n;
                            pc = tail;
                            true
                        } else {
                            let lit = match self.w(tail)? {
                                LITERAL => Some(self.w(tail + 1)?),
                                _ => None,
                            };
                            match self.greedy(pos, n, min as usize, tail, lit) {
                                Some(p) => {
                                    pos = p;
                                    pc = tail;
                                    true
                                }
                                None => false,
                            }
                        }
                    }
                }
                REPEAT => {
                    let until = self.skip(pc + 1)?;
                    self.reps.push(Repeat {
                        count: -1,
                        last: NONE,
                        pc,
                        prev: self.cur,
                    });
                    self.set_cur(self.reps.len() - 1);
                    pc = until;
                    true
                }
                MAX_UNTIL | MIN_UNTIL => {
                    let rp = self.cur;
                    let (count, last, rpc, prev) = {
                        let r = self.repeat(rp)?;
                        (r.count + 1, r.last, r.pc, r.prev)
                    };
                    let (min, max) = (self.w(rpc + 2)?, self.w(rpc + 3)?);
                    let body = rpc + 4;
                    let below_max = max == MAXREPEAT || count < i64::from(max);
                    if count < i64::from(min) {
                        self.set_count(rp, count)?;
                        pc = body;
                        true
                    } else if op == MAX_UNTIL {
                        if below_max && pos != last {
                            self.push(Kind::MaxTail {
                                rp,
                                pos,
                                tail: pc + 1,
                            });
                            self.set_count(rp, count)?;
                            self.set_last(rp, pos)?;
                            pc = body;
                        } else {
                            self.set_cur(prev);
                            pc += 1;
                        }
                        true
                    } else {
                        self.push(Kind::MinBody { rp, pos, count });
                        self.set_cur(prev);
                        pc += 1;
                        true
                    }
                }
                ASSERT | ASSERT_NOT => {
                    let cont = self.skip(pc + 1)?;
                    let back = self.w(pc + 2)? as usize;
                    if pos < back {
                        // Not enough text behind: the look-behind fails.
                        if op == ASSERT {
                            false
                        } else {
                            pc = cont;
                            true
                        }
                    } else {
                        let sub = if op == ASSERT {
                            Sub::Assert
                        } else {
                            Sub::AssertNot
                        };
                        self.enter(sub, cont, pos);
                        pos -= back;
                        pc += 3;
                        true
                    }
                }
                ATOMIC_GROUP => {
                    let cont = self.skip(pc + 1)?;
                    self.enter(Sub::Atomic, cont, pos);
                    pc += 2;
                    true
                }
                POSSESSIVE_REPEAT => {
                    // The skip leads to the body's SUCCESS, as REPEAT's
                    // leads to its UNTIL: the tail is one word further.
                    let cont = self.skip(pc + 1)? + 1;
                    let (min, max) = (self.w(pc + 2)?, self.w(pc + 3)?);
                    if max == 0 {
                        pc = cont;
                    } else {
                        let body = pc + 4;
                        let sub = Sub::Possessive {
                            count: 0,
                            min,
                            max,
                            body,
                        };
                        self.enter(sub, cont, pos);
                        pc = body;
                    }
                    true
                }
                _ => return Err(Stop::Invalid),
            };
            if !ok {
                match self.backtrack()? {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return Ok(None),
                }
            }
        }
    }

    /// Starts a sub-match above a barrier.
    fn enter(&mut self, sub: Sub, cont: usize, pos: usize) {
        self.push(Kind::Barrier { sub, cont, pos });
        self.barrier = self.frames.len() - 1;
    }

    /// The sub-match above the innermost barrier reached its SUCCESS:
    /// forget its choices and go on (or fail, for a negative look-around).
    fn finish_sub(&mut self, pos: usize) -> R<Option<(usize, usize)>, E> {
        let b = self.barrier;
        let (sub, cont, saved, prev) = match self.frames.get(b) {
            Some(Frame {
                kind: Kind::Barrier { sub, cont, pos },
                barrier,
                ..
            }) => (*sub, *cont, *pos, *barrier),
            _ => return Err(Stop::Invalid),
        };
        self.frames.truncate(b);
        self.barrier = prev;
        Ok(match sub {
            Sub::Assert => Some((cont, saved)),
            Sub::AssertNot => None,
            Sub::Atomic => Some((cont, pos)),
            Sub::Possessive {
                count,
                min,
                max,
                body,
            } => {
                let count = count.saturating_add(1);
                if pos == saved || (max != MAXREPEAT && count >= max) {
                    Some((cont, pos))
                } else {
                    let sub = Sub::Possessive {
                        count,
                        min,
                        max,
                        body,
                    };
                    self.enter(sub, cont, pos);
                    Some((body, pos))
                }
            }
        })
    }

    /// Takes BRANCH alternatives from the one whose skip word is at `alt`:
    /// the first that may start at `pos` runs, the next waits on the stack.
    fn branch_from(&mut self, mut alt: usize, pos: usize) -> R<Option<usize>, E> {
        loop {
            let n = self.w(alt)? as usize;
            if n == 0 {
                return Ok(None);
            }
            let body = alt + 1;
            let next = alt + n;
            // An alternative that starts with a literal not here is skipped.
            if self.w(body)? == LITERAL && (pos >= self.end || self.s.at(pos) != self.w(body + 1)?)
            {
                alt = next;
                continue;
            }
            self.push(Kind::Branch { alt: next, pos });
            return Ok(Some(body));
        }
    }

    /// A greedy single-character repeat with `count` matches from `start`:
    /// the longest try first (one whose tail literal fits), the rest on
    /// the stack. The position to go on from.
    fn greedy(
        &mut self,
        start: usize,
        mut count: usize,
        min: usize,
        tail: usize,
        lit: Option<u32>,
    ) -> Option<usize> {
        loop {
            if count < min {
                return None;
            }
            let p = start + count;
            let fits = match lit {
                Some(c) => p < self.end && self.s.at(p) == c,
                None => true,
            };
            if fits {
                if count > min {
                    self.push(Kind::Greedy {
                        start,
                        count: count - 1,
                        min,
                        tail,
                        lit,
                    });
                }
                return Some(p);
            }
            if count == 0 {
                return None;
            }
            count -= 1;
        }
    }

    /// Returns to the newest choice point: its (pc, pos), or None when
    /// there is none left (the attempt failed).
    fn backtrack(&mut self) -> R<Option<(usize, usize)>, E> {
        loop {
            let Some(f) = self.frames.pop() else {
                return Ok(None);
            };
            self.undo_to(f.trail);
            self.reps.truncate(f.reps);
            self.barrier = f.barrier;
            match f.kind {
                Kind::Branch { alt, pos } => {
                    if let Some(pc) = self.branch_from(alt, pos)? {
                        return Ok(Some((pc, pos)));
                    }
                }
                Kind::Greedy {
                    start,
                    count,
                    min,
                    tail,
                    lit,
                } => {
                    if let Some(p) = self.greedy(start, count, min, tail, lit) {
                        return Ok(Some((tail, p)));
                    }
                }
                Kind::Lazy {
                    item,
                    tail,
                    pos,
                    count,
                    max,
                } => {
                    let more = max == MAXREPEAT || count < max as usize;
                    if more && pos < self.end && self.one(item, self.s.at(pos))? {
                        self.push(Kind::Lazy {
                            item,
                            tail,
                            pos: pos + 1,
                            count: count + 1,
                            max,
                        });
                        return Ok(Some((tail, pos + 1)));
                    }
                }
                Kind::MaxTail { rp, pos, tail } => {
                    let prev = self.repeat(rp)?.prev;
                    self.set_cur(prev);
                    return Ok(Some((tail, pos)));
                }
                Kind::MinBody { rp, pos, count } => {
                    let (last, rpc) = {
                        let r = self.repeat(rp)?;
                        (r.last, r.pc)
                    };
                    let max = self.w(rpc + 3)?;
                    if (max == MAXREPEAT || count < i64::from(max)) && pos != last {
                        self.set_count(rp, count)?;
                        self.set_last(rp, pos)?;
                        return Ok(Some((rpc + 4, pos)));
                    }
                }
                Kind::Barrier { sub, cont, pos } => match sub {
                    Sub::Assert | Sub::Atomic => {}
                    Sub::AssertNot => return Ok(Some((cont, pos))),
                    Sub::Possessive { count, min, .. } => {
                        if count >= min {
                            return Ok(Some((cont, pos)));
                        }
                    }
                },
            }
            self.tick()?;
        }
    }
}

fn loc_eq(pattern: u32, ch: u32) -> bool {
    ch == pattern || chars::locale_lower(ch) == pattern || chars::locale_upper(ch) == pattern
}
