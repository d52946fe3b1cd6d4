s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[::2], s[1::3], s[::-1], s[-2:2:-2], s[100:], s[5:1])

nums = list(range(10))
print(nums[::3], nums[8:2:-2], nums[-1:-4:-1])
nums[2:5] = ["a", "b"]
print(nums)
nums[:0] = [100, 101]
print(nums)
nums[::2] = [0] * len(nums[::2])
print(nums)
del nums[1:3]
print(nums)
del nums[::3]
print(nums)
nums[len(nums):] = [7, 8]
print(nums)

try:
    nums[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)

t = (1, 2, 3, 4, 5)
print(t[1:-1], t[::-2])

sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, list(range(10))[sl])
print(slice(None, None, -1).indices(5), slice(2, 100).indices(10))

b = bytearray(b"hello world")
b[0:5] = b"HELLO"
del b[5:6]
print(b)

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in matrix[::2]])

d = {"k": [1, 2, 3]}
del d["k"][0]
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
print(d)
