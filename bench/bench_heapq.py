"""heapq: push then pop 10**5 pseudo-random ints."""
from _heapq import heappop, heappush


def run(n):
    seed = 12345
    h = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        heappush(h, seed % 1000003)
    out = [heappop(h) for _ in range(n)]
    return out[0], out[n // 2], out[-1], out == sorted(out)


print(run(100000))
