stack = []
stack.append(1)
stack.append(2)
stack.extend([3, 4])
stack.extend(range(5, 7))
stack.insert(0, 0)
stack.insert(100, 99)
stack.insert(-1, 98)
print(stack, len(stack))
print(stack.pop(), stack.pop(0), stack.pop(-2), stack)
stack.remove(3)
print(stack, stack.index(4), stack.index(98, 2), stack.count(2))
try:
    stack.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    stack.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    stack[10]
except IndexError as e:
    print("IndexError:", e)

nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums, nums[::-1])
words = ["pear", "Fig", "apple", "date"]
words.sort(key=str.lower)
print(words, sorted(words, key=len))
copy = words.copy()
copy.clear()
print(copy, words)

grid = [[0] * 3] * 2
grid[0][0] = 1
print("aliased rows:", grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print("independent rows:", grid)
print([1, 2] + [3], [0] * 4, [1, 2] * 0, 2 * ["x"])
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 0], [3] > [2, 9], [] < [0])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
a = [1, 2, 3]
b = a
a += [4]
a = a + [5]
print(a, b)
nested = [1, [2, [3]]]
print(nested[1][1][0], len(nested), 2 in nested, [2, [3]] in nested)
lst = [3, 1, 2]
print(sorted(lst), lst, lst.sort(), lst)
mixed = [1, "a"]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(repr([None, True, 1.5, "s", b"b", (1,), [], {}]))
r = [1]
r.append(r)
print(r)
