# string.Formatter (CPython's string.py) on _string.
import string

f = string.Formatter()
print(f.format("{0}-{x!r:>5}|{y[1]}|{z.real}", 1, x="a", y=[0, 7], z=3))
print(list(f.parse("a{b}c{d!s:>3}")))
print(f.get_field("0.real", (5,), {}))
print(f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Upper().format("{0!u} {0!r}", "hi"))
try:
    f.format("{0!x}", 1)
except ValueError as e:
    print("ValueError", e)
try:
    f.format("{", 1)
except ValueError as e:
    print("ValueError", e)
print(string.Template("$a and ${b}").substitute(a=1, b=2))
print(string.capwords("hello   world"))
