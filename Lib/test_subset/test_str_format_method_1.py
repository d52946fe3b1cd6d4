class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        if spec == "polar":
            return f"r={round((self.x ** 2 + self.y ** 2) ** 0.5, 3)}"
        return f"({self.x:{spec}}, {self.y:{spec}})"
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(3, 4)
print("{} {!r} {:polar} {:.2f} {:>4}".format(p, p, p, p, p))
print("{0.x} {0.y} {1[0]} {1[-1]}" .replace("[-1]", "[2]").format(p, [10, 20, 30]))
print("{data[key]} {data[0]} {items[1][0]}".format(data={"key": "v", 0: "zero"}, items=[[1], [2]]))
print("{:{fill}{align}{width}}".format("x", fill="*", align="^", width=7))
print("{:{}.{}f}".format(3.14159, 10, 3), "{0:{1}}".format("nested", 8) + "|")
print("{}{}{}".format(*"abc"), "{a}{b}".format(**{"a": 1, "b": 2}), "{0}{0}{1}".format("x", "y"))
print("{!s:>6}|{!r:<8}|{!a}".format("s", "r", "ñ"))
print("{:,} {:_} {:.2%} {:e} {:#x}".format(10 ** 6, 10 ** 6, 0.123, 0.5, 255))
print("{{literal}} {{{0}}} }}{{".format("in braces"))
print("{0:>{1}}|{0:<{1}}|{0:^{1}}".format("ab", 6))
print(str.format("{} via unbound", "called"), callable("{}".format))
template = "Name: {name:<10} Age: {age:>3}"
for person in [{"name": "Ann", "age": 7}, {"name": "Bartholomew", "age": 101}]:
    print(template.format(**person))
print("{:d}".format(True), "{:s}".format("s"), "{}".format(None), "{!s:>5}".format(None))
print("{.real}".format(5), "{.imag}".format(1 + 2j), "{[1]}".format("xyz"))
print("{:c}{:c}".format(72, 105), "{:o}".format(8), "{:b}".format(5), "{:n}".format(1234))
print(format(p, ".1f"), format(p, "polar"), f"{p:03d}")
bad = ["{", "}", "{0", "{0!x}", "{:invalid}", "{0}{}", "{missing}", "{0[}", "{1}"]
for t in bad:
    try:
        print(repr(t), "->", t.format(7))
    except (ValueError, KeyError, IndexError) as e:
        print(repr(t), "->", type(e).__name__ + ":", e)
