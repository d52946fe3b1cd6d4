"""List work: append, indexing, slicing, sort."""


def run(n):
    seed = 12345
    data = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(seed % 100000)
    total = 0
    for i in range(len(data)):
        total += data[i] - data[-i - 1]
    s = sorted(data)
    data.sort(reverse=True)
    pairs = sorted(zip(data[:50000], range(50000)), key=lambda p: (p[0] % 97, p[1]))
    chunks = [s[i:i + 100] for i in range(0, len(s), 100)]
    data.reverse()
    return total, s[0], s[-1], s[n // 2], pairs[0], len(chunks), data == s, s.index(s[1000])


print(run(500000))
