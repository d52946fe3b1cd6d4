name, count, ratio = "widget", 42, 0.4567
print("%s: %d items (%.1f%%)" % (name, count, ratio * 100))
print("%-10s|%10s|" % (name, name), "%.3s" % name, "%5.2s|" % name)
print("%d %i %u" % (3.9, -2.5, 7), "%x %X %o" % (255, 255, 255), "%#x %#X %#o" % (255, 255, 255))
print("%e %E %.0e" % (12345.6789, 0.000123, 5e10), "%g %G %g %g" % (0.0001, 1e-5, 1e16, 123.0))
print("%5d|%-5d|%05d|%+d|% d|%+5d" % (42, 42, 42, 42, 42, -42))
print("%c%c%c" % (80, "y", 0x2603), "%r %a" % ("it's", "ü"), "%s" % [1, (2, 3)], "%s" % (None,))
print("%(a)s + %(b)s = %(c)d" % {"a": 1, "b": 2, "c": 3}, "%(x)r" % {"x": "v"})
print("%*s|%-*s|%.*f" % (6, "r", 6, "l", 2, 3.14159))
print("%%d literally" % (), "100%%" % {}, "%s%%" % 50)
print("%.2f %.10f %.0f %.0f %.0f" % (2.675, 1 / 3, 0.5, 1.5, 2.5), "%f" % 1e20)
print("%s and %s" % ("tuple", "args"), "%s" % "single", "%s" % ((1, 2),), "%d%%" % 10)
print(b"%s|%b|%d|%x|%c" % (b"bytes", b"more", 7, 255, 65), b"%-6s|" % b"ab", b"%%")
big = 2 ** 100
print("%d %x %o" % (big, big, big), "%.3e" % big, "%10.4s|" % "truncated")
errors = [
    ("%d", ("x",)), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%(key)s", ("tuple",)),
    ("%(key)s", {"other": 1}), ("%z", (1,)), ("%c", ("ab",)), ("%c", (2 ** 40,)), ("%", ()),
    ("%x", (1.5,)), ("%*d", ("w", 1)),
]
for fmt, args in errors:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
print("%s" % {"k": "v"}, "%s %s" % ("a", {"k": 1}), "no args" % ())
