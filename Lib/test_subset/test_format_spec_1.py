# The format-spec mini-language through format(), str.format and %.
cases = [
    (42, "d"), (42, "5d"), (42, "<5d"), (42, "^5d"), (42, "*>6d"), (42, "+d"), (42, " d"),
    (-42, "=6d"), (-42, "06d"), (42, "b"), (42, "#b"), (42, "o"), (42, "#o"), (255, "x"),
    (255, "#X"), (1234567, ","), (1234567, "_"), (1234567, "_x"), (1234567, "12,"),
    (65, "c"), (42, "n"), (3.14159, "f"), (3.14159, ".3f"), (3.14159, "8.2f"),
    (-3.14159, "+.1f"), (2.5, "e"), (2.5, ".2E"), (1e-5, "g"), (123456789.0, "g"),
    (123456789.0, ".3g"), (0.5, "%"), (0.125, ".1%"), (1234.5678, ",.2f"), (3.0, "F"),
    (float("inf"), "F"), (1.0, "#.0f"), (12.0, "g"), (12.0, "#g"), (0.0001, ".2n"),
    ("text", "s"), ("text", "10"), ("text", ">10"), ("text", "^10"), ("text", "-^10"),
    ("text", ".2"), ("text", "10.2"), (True, "d"), (7, "010.3f"), (-7.25, "010.2f"),
]
for value, spec in cases:
    print(f"{spec!r:>8} {value!r:>14} -> [{format(value, spec)}]")

print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 5))
print("{:>{w}}|{:.{p}f}".format("r", 2 / 3, w=4, p=3))
print("{!r} {!s}".format("q", "q"))
print("{{}} {:%}".format(0.5))

print("%d %i %5d %-5d| %05d %+d" % (42, 42, 42, 42, 42, 42))
print("%s %r %a" % ("str", "str", "é"))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%f %.2f %10.3f %e %.3E %g %G" % (3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001, 1e30))
print("%c%c %%" % (72, "i"))
print("%(name)s has %(n)03d" % {"name": "x", "n": 7})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b"))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print("TypeError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format("s", "+")
except ValueError as e:
    print("ValueError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
