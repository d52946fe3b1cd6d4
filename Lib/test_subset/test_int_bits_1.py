# Bitwise operators and shifts on small and big integers.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 3, -16 >> 2, -1 >> 100, 5 >> 1, 5 >> 10)
big = (1 << 100) | (1 << 50) | 1
print(big, big >> 50, big & 0xFFFF, big ^ (1 << 100))
print((-big) >> 3, (-big) & 0xFF, -big | 1)
print(~big)
print("bit_length:", (255).bit_length(), (256).bit_length(), (-1).bit_length(), big.bit_length())
print("bit_count:", (255).bit_count(), (-7).bit_count())

masks = [0xF0, 0x0F, 0xFF]
value = 0xA5
for m in masks:
    print(f"{value:#04x} & {m:#04x} = {value & m:#04x}")

def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count

print([popcount(x) for x in (0, 1, 7, 1023, 2 ** 70 - 1)])

try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.5 & 1)
except TypeError as e:
    print("TypeError:", e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
