"""collections.deque as a queue: 10**6 append + popleft."""
from _collections import deque


def run(n):
    d = deque()
    append = d.append
    popleft = d.popleft
    total = 0
    for i in range(n):
        append(i)
        if len(d) > 100:
            total += popleft()
    return total, len(d)


print(run(1000000))
