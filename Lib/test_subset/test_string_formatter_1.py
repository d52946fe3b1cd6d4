# _string.formatter_parser / formatter_field_name_split, with CPython's errors.
import _string

def parse(s):
    try:
        return list(_string.formatter_parser(s))
    except Exception as e:
        return f"{type(e).__name__}: {e}"

for s in ["", "abc", "a{0}b", "{}", "{!r}", "{:}", "{0!r:>10}", "a{x.y[1]!s:>{w}}c{{d}}e}}",
          "{{", "}}", "ab{{c}}d", "{0:{1}}", "{0:{a:{b}}}", "{0[}]}", "{0[:]}", "{0[!]}",
          "{0.a b}", "{0]}", "{!:}", "{0!}}", "{0:x}}}", "{0:{{}}}",
          "{", "}", "a{", "x}y", "{0!}", "{0!rr}", "{0[}", "{0!r", "{0:{", "{0!",
          "{0!r}}", "{0:}}", "{a{b}", "{0:{1}", "{0", "{[}", "{!}", "{0!r!s}", "{0!:x}",
          "{é}ü{0:ö}"]:
    print(repr(s), parse(s))

it = _string.formatter_parser("a{0}{")
print(iter(it) is it, next(it))
try:
    next(it)
except ValueError as e:
    print("ValueError", e)
print(type(it).__name__)

def split(s):
    try:
        first, rest = _string.formatter_field_name_split(s)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    out = [first]
    try:
        for x in rest:
            out.append(x)
    except Exception as e:
        out.append(f"{type(e).__name__}: {e}")
    return out

for s in ["", "a", "0", "01", "-1", "a.b", "a[0]", "a[x]", "a.b[1][c].d", "1.2", ".a", "[0]",
          "a.", "a[", "a[]", "a[0]x", "a..b", "a[0]]", "a[x.y]", "a[-1]", "a[ 1]", ".", "[",
          "9" * 30, "a[" + "9" * 30 + "]", "a b.c d", "9223372036854775807", "9223372036854775808"]:
    print(repr(s), split(s))

first, rest = _string.formatter_field_name_split("x.y")
print(type(rest).__name__, iter(rest) is rest, next(rest))
for bad in [1, None, b"x", ["a"]]:
    for f in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            f(bad)
        except TypeError as e:
            print("TypeError", e)
for f in (_string.formatter_parser, _string.formatter_field_name_split):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
