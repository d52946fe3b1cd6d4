"""Integer loops: arithmetic on small ints in while and for loops."""


def collatz_steps(limit):
    longest, best = 0, 0
    for start in range(1, limit):
        n, steps = start, 0
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > longest:
            longest, best = steps, start
    return best, longest


def checksum(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i ^ (i >> 3)) & 0xFFFFFFFF
        i += 1
    return total


print(collatz_steps(45000), checksum(600000))
