"""Regular expressions for rpy.

rpy's own `re`: patterns are translated from Python's syntax and run on a
Rust regex engine by the native `_rpy_re` module; this module holds the
Python-level API (Pattern, Match, templates, split/sub/findall, the
compiled-pattern cache). The engine has no backtracking, so look-around,
backreferences, conditional groups, atomic groups and possessive repeats
raise NotImplementedError naming the feature.
"""

import _rpy_re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall",
    "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
    "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
    "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
]


# -- flags -----------------------------------------------------------------

# (name, value) in the order CPython's RegexFlag lists its members.
_FLAG_NAMES = [
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
]


def _flag_text(value, names):
    parts = []
    rest = value
    for name, bit in names:
        if value & bit:
            parts.append("re." + name)
            rest &= ~bit
    if rest:
        parts.append(hex(rest))
    return "|".join(parts)


class RegexFlag(int):
    """The flag values; combine with ``|``."""

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        if value < 0:
            return "re.%s" % int.__repr__(value)
        return _flag_text(value, _FLAG_NAMES)

    __str__ = __repr__

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        value = int(self)
        if value == 0:
            return "NOFLAG"
        text = _flag_text(value, _FLAG_NAMES)
        if "0x" in text:
            return None
        return text.replace("re.", "")

    def __format__(self, spec):
        if spec:
            return format(int(self), spec)
        return repr(self)

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)

# Pattern reprs list flags in bit order.
_REPR_FLAG_NAMES = [
    ("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
    ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128),
    ("ASCII", 256),
]


# -- error -----------------------------------------------------------------

class error(Exception):
    """A pattern (or a replacement template) is not valid.

    msg: the message without position; pattern: the pattern text;
    pos: index in the pattern; lineno, colno: the position as line and
    column (None when pos is None).
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


# -- templates -------------------------------------------------------------

_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t", "v": "\v", "\\": "\\"}
_OCT = "01234567"


def _parse_template(template, pattern):
    """The replacement template as a list of str pieces and group numbers."""
    is_bytes = not isinstance(template, str)
    text = template.decode("latin-1") if is_bytes else template
    groups = pattern.groups
    groupindex = pattern.groupindex
    items = []
    lit = []
    i = 0
    n = len(text)

    def fail(msg, pos):
        raise error(msg, template, pos)

    def group_ref(g, pos):
        if g > groups:
            fail("invalid group reference %d" % g, pos)
        if lit:
            items.append("".join(lit))
            del lit[:]
        items.append(g)

    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            fail("bad escape (end of pattern)", start)
        c = text[i]
        i += 1
        if c == "g":
            if i >= n or text[i] != "<":
                fail("missing <", i)
            j = text.find(">", i + 1)
            if j < 0:
                if i + 1 >= n:
                    fail("missing group name", i + 1)
                fail("missing >, unterminated name", i + 1)
            name = text[i + 1:j]
            if not name:
                fail("missing group name", i + 1)
            if name.isdecimal() and name.isascii():
                g = int(name)
            elif name.isidentifier() and not (is_bytes and not name.isascii()):
                if name not in groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = groupindex[name]
            else:
                fail("bad character in group name '%s'" % name, i + 1)
            group_ref(g, i + 1)
            i = j + 1
        elif c == "0":
            v = 0
            k = 0
            while k < 2 and i < n and text[i] in _OCT:
                v = v * 8 + int(text[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif c in "123456789":
            if i < n and text[i] in "0123456789":
                if (c in _OCT and text[i] in _OCT and i + 1 < n
                        and text[i + 1] in _OCT):
                    digits = text[start + 1:i + 2]
                    v = int(digits, 8)
                    if v > 0o377:
                        fail("octal escape value \\%s outside of range 0-0o377"
                             % digits, start)
                    lit.append(chr(v))
                    i += 2
                    continue
                i += 1
            group_ref(int(text[start + 1:i]), start + 1)
        elif c in _SIMPLE_ESCAPES:
            lit.append(_SIMPLE_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            fail("bad escape \\%s" % c, start)
        else:
            lit.append("\\" + c)
    if lit:
        items.append("".join(lit))
    if is_bytes:
        items = [x.encode("latin-1") if isinstance(x, str) else x for x in items]
    return items


def _expand(items, match, empty):
    parts = []
    for item in items:
        if isinstance(item, int):
            s = match.group(item)
            if s is not None:
                parts.append(s)
        else:
            parts.append(item)
    return empty.join(parts)


# -- Pattern ---------------------------------------------------------------

def _empty_like(string):
    return "" if isinstance(string, str) else b""


class Pattern:
    """A compiled regular expression (made by re.compile)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        text = repr(self.pattern)[:200]
        if flags:
            return "re.compile(%s, %s)" % (text, _flag_text(flags, _REPR_FLAG_NAMES))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode):
        found = self._engine.search(string, pos, endpos, mode)
        if found is None:
            return None
        return _make_match(self, string, found[0], found[1], pos, endpos)

    def search(self, string, pos=0, endpos=None):
        """The first match anywhere in string[pos:endpos], or None."""
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        """A match starting at pos, or None."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        """A match of all of string[pos:endpos], or None."""
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=None, limit=0):
        for spans, texts, before in self._engine.scan(string, pos, endpos, limit):
            yield _make_match(self, string, spans, texts, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of the successive non-overlapping matches."""
        return self._scan(string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        """The matched strings (or group tuples) of all matches."""
        out = []
        groups = self.groups
        empty = _empty_like(string)
        for spans, texts, before in self._engine.scan(string, pos, endpos, 0):
            if groups == 0:
                out.append(texts[0])
            elif groups == 1:
                t = texts[1]
                out.append(empty if t is None else t)
            else:
                out.append(tuple(empty if t is None else t for t in texts[1:]))
        return out

    def split(self, string, maxsplit=0):
        """string split at the matches (with the groups' text in between)."""
        maxsplit = _as_int(maxsplit)
        if maxsplit < 0:
            return [_cut(string, 0, len(string))]
        out = []
        last = 0
        for spans, texts, before in self._engine.scan(string, 0, None, maxsplit):
            out.append(before)
            out.extend(texts[1:])
            last = spans[1]
        out.append(_cut(string, last, len(string)))
        return out

    def subn(self, repl, string, count=0):
        """(new string, number of substitutions made)."""
        if callable(repl):
            func = repl
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError("decoding to str: need a bytes-like object, %s found"
                                % type(repl).__name__)
            backslash = "\\" if isinstance(repl, str) else b"\\"
            if backslash in repl:
                items = _parse_template(repl, self)
                if len(items) == 1 and not isinstance(items[0], int):
                    repl = items[0]
                    func = None
                else:
                    func = lambda m: _expand(items, m, _empty_like(string))
            else:
                func = None
        count = _as_int(count)
        parts = []
        last = 0
        n = 0
        if count < 0:
            return string, 0
        for spans, texts, before in self._engine.scan(string, 0, None, count):
            if before:
                parts.append(before)
            if func is None:
                if repl:
                    parts.append(repl)
            else:
                item = func(_make_match(self, string, spans, texts, 0, None))
                if item is not None:
                    parts.append(item)
            last = spans[1]
            n += 1
        if last < len(string):
            parts.append(_cut(string, last, len(string)))
        if isinstance(string, str):
            return "".join(parts), n
        return b"".join(parts), n

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl (a template or a
        function of the match)."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner() is not supported by rpy")


def _as_int(v):
    if isinstance(v, int):
        return v
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__)
    return index(v)


def _cut(string, a, b):
    # Text of a bytes-like subject comes back as bytes, as in CPython.
    s = string[a:b]
    if isinstance(s, (str, bytes)):
        return s
    return bytes(s)


def _new_pattern(pattern, flags):
    p = object.__new__(Pattern)
    engine = _rpy_re.compile(pattern, int(flags), error)
    p._engine = engine
    p.pattern = pattern
    f, p.groups, names, p._close_order = engine.info()
    p.flags = f
    p.groupindex = dict(names)
    p._names = {g: name for name, g in names}
    return p


# -- Match -----------------------------------------------------------------

class Match:
    """The result of a successful search (truthy)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._spans[0], self._spans[1], repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        elif hasattr(type(g), "__index__"):
            try:
                return self._index(g.__index__())
            except IndexError:
                pass
        raise IndexError("no such group")

    def _get(self, g, default=None):
        t = self._texts[g]
        if t is None:
            return default
        return t

    def group(self, *args):
        """The text of one group (default 0), or a tuple for several."""
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(g)) for g in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        """The text of all groups (default for those that did not match)."""
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups' text by name."""
        return {name: self._get(g, default) for name, g in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1])
                     for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        # The matched group whose ')' came last: the greatest end, and
        # among those the one closed last in the pattern.
        best = None
        for g in self.re._close_order:
            a = self._spans[2 * g]
            if a < 0:
                continue
            e = self._spans[2 * g + 1]
            if best is None or e >= best[0]:
                best = (e, g)
        return None if best is None else best[1]

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        return self.re._names.get(i)

    def expand(self, template):
        """template with its group references replaced, as sub() does."""
        return _expand(_parse_template(template, self.re), self, _empty_like(self.string))


def _make_match(pattern, string, spans, texts, pos, endpos):
    m = object.__new__(Match)
    m._spans = spans
    m._texts = texts
    m.string = string
    m.re = pattern
    n = len(string)
    pos = 0 if pos < 0 else min(pos, n)
    if endpos is None or endpos > n:
        endpos = n
    elif endpos < 0:
        endpos = 0
    m.pos = pos
    m.endpos = endpos
    return m


# -- module functions ------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        return _new_pattern(pattern, flags)
    p = _new_pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    """The first match of pattern in string, or None."""
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    """A match of pattern at the start of string, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A match of pattern against all of string, or None."""
    return _compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the leftmost non-overlapping matches replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of substitutions made)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """string split by the occurrences of pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches (strings, or tuples of groups)."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the compiled-pattern cache."""
    _cache.clear()


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """pattern with the regular expression metacharacters backslashed."""
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    text = str(pattern, "latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in text).encode("latin-1")
