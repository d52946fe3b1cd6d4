# Operator precedence and associativity.
print(2 + 3 * 4 ** 2, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** 2 ** 3, 7 // 2 * 2, 7 % 4 * 3, 1 + 2 << 3, 1 << 2 + 3)
print(5 & 3 | 8, 5 | 3 & 1, 6 ^ 3 & 5, ~5 + 1, -~5, not 1 + 1 == 3, not (1 and 0))
print(1 < 2 == 2 > 1, 3 > 2 > 1 == 1, (3 > 2) > 1, 1 == 1 in [True], "a" in "abc" == True)
print(1 if 0 else 2 if 0 else 3, (1 if 0 else 2) if 1 else 3, [1, 2][0 if 0 else 1])
print(True or False and False, (True or False) and False, not True or True, 0 or 0 and 1 / 0)
print(4 + -3, 4 - -3, 4 * -+-3, 2 * 3 % 4, 2 * (3 % 4), 10 - 2 ** 3 // 3)
x = 5
print(x > 3 and x < 10, 3 < x < 10, x == 5 == 5.0, x is not None is not False)
print(-x ** 2, (-x) ** 2, +x, -(-x), x.__neg__(), abs(-x) ** 0.5)
s = "abc"
print(s * 2 + "d", "d" + s * 2, s[1:] * 3, s[::-1][0] + s[0], len(s) * 2 ** 2)
lst = [3, 1, 2]
print(lst[1] + lst[-1] * lst[0], lst * 2 + [0], sorted(lst)[::-1][1:], [x for x in lst if x > 1 if x < 3])
print((1, 2) + (3,) * 2, {1, 2} | {3} & {3, 4}, {1, 2} - {2} | {5}, {"a": 1} | {"b": 2})
a = b = c = [0]
a += [1]
print(a, b, c, a is b is c)
i = j = 0
i += 1
print(i, j)
n = 10
n -= 3 - 1
print(n)
m = 2
m **= 3 ** 2
print(m)
print(0.1 + 0.2 * 3, (0.1 + 0.2) * 3, 1e3 // 7, -1e3 % 7)
