data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list has {n} items")

results = [y for x in data if (y := x * 2) > 6]
print(results, y)

line_source = iter(["alpha", "beta", "", "gamma"])
while (line := next(line_source)):
    print("line:", line)

total = 10
total += 5
total -= 3
total *= 2
total //= 5
total **= 3
total %= 50
print("total", total)

f = 1.0
f /= 4
f += 0.25
print("f", f)

bits = 0b1010
bits |= 0b0101
bits &= 0b1100
bits ^= 0b0001
bits <<= 2
bits >>= 1
print("bits", bits, bin(bits))

s = "ab"
s *= 3
s += "!"
print(s)

lst = [1, 2]
alias = lst
lst += [3]          # in place: alias sees it
lst = lst + [4]     # new object
print(alias, lst)

t = (1,)
t2 = t
t += (2,)
print(t, t2)

counts = {"a": 1}
counts["a"] += 10
counts.setdefault("b", 0)
counts["b"] -= 1
print(counts)

class Box:
    value = 1

b = Box()
b.value += 41
print(b.value, Box.value)
