"""Helpers of the assert methods: reprs shortened the way CPython's
unittest shortens them in failure messages, and class names."""

__unittest = True

MAX_LENGTH = 80
_PLACEHOLDER = 12   # room taken by a "[N chars]" marker
_KEEP_BEGIN = 5     # characters kept before a marker
_KEEP_COMMON = 5    # of a shared prefix, characters kept after its marker
_KEEP_END = 5       # characters kept at the end of each differing tail
_KEEP_DIFF = MAX_LENGTH - (_KEEP_BEGIN + _PLACEHOLDER + _KEEP_COMMON + _KEEP_END)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if not short or len(text) < MAX_LENGTH:
        return text
    return text[:MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


def _elide(text, head, tail):
    """Replaces the middle of `text` by "[N chars]" when that saves room."""
    dropped = len(text) - head - tail
    if dropped > _PLACEHOLDER:
        return f"{text[:head]}[{dropped:d} chars]{text[len(text) - tail:]}"
    return text


def _shared_prefix(texts):
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and n < len(last) and first[n] == last[n]:
        n += 1
    return first[:n]


def common_shorten_repr(*objs):
    """The reprs of `objs`, their long shared prefix elided so that the
    differences stay visible within about MAX_LENGTH characters."""
    reprs = tuple(safe_repr(o) for o in objs)
    longest = max(len(r) for r in reprs)
    if longest <= MAX_LENGTH:
        return reprs
    prefix = _shared_prefix(reprs)
    n = len(prefix)
    room = MAX_LENGTH - (longest - n + _KEEP_BEGIN + _PLACEHOLDER)
    if room > _KEEP_COMMON:
        short = _elide(prefix, _KEEP_BEGIN, room)
        return tuple(short + r[n:] for r in reprs)
    short = _elide(prefix, _KEEP_BEGIN, _KEEP_COMMON)
    return tuple(short + _elide(r[n:], _KEEP_DIFF, _KEEP_END) for r in reprs)


def count_differences(actual, expected):
    """[(count in actual, count in expected, element)] for each element whose
    counts differ; works for unhashable elements too (by equality)."""
    s, t = list(actual), list(expected)
    out = []
    used_s = [False] * len(s)
    used_t = [False] * len(t)
    for i, elem in enumerate(s):
        if used_s[i]:
            continue
        cnt_s = cnt_t = 0
        for k in range(i, len(s)):
            if not used_s[k] and s[k] == elem:
                used_s[k] = True
                cnt_s += 1
        for k in range(len(t)):
            if not used_t[k] and t[k] == elem:
                used_t[k] = True
                cnt_t += 1
        if cnt_s != cnt_t:
            out.append((cnt_s, cnt_t, elem))
    for i, elem in enumerate(t):
        if used_t[i]:
            continue
        cnt_t = 0
        for k in range(i, len(t)):
            if not used_t[k] and t[k] == elem:
                used_t[k] = True
                cnt_t += 1
        out.append((0, cnt_t, elem))
    return out
