import sys

big = 10 ** 4299
print(len(str(big)))
too_big = 10 ** 4300
try:
    str(too_big)
except ValueError as e:
    print("ValueError:", e)
try:
    print(too_big)
except ValueError as e:
    print("print also fails:", type(e).__name__)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(int("9" * 4300) % 1000)
print(len(hex(too_big)), hex(2 ** 20000)[:10])
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(too_big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
sys.set_int_max_str_digits(4300)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
try:
    f"{too_big}"
except ValueError as e:
    print("f-string:", e)
print(repr(-(10 ** 4299))[:5], (too_big - 1).bit_length())
str(-(10 ** 4300))
