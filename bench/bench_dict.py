"""Dict work: inserts, lookups, updates, deletion and iteration."""


def run(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += 1
    for i in range(0, n, 2):
        del d[i]
    words = {}
    for i in range(n):
        key = "k" + str(i % 5000)
        words[key] = words.get(key, 0) + 1
    total = sum(d.values()) + sum(words.values())
    merged = {**words, **{"extra": 1}}
    return hits, len(d), len(words), total, len(merged), max(words.items(), key=lambda kv: kv[1])[1]


print(run(900000))
