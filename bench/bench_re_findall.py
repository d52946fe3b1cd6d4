"""Regex scanning: findall of a word pattern over a 1 MB text, a search
that fails everywhere, and match over many lines (CPython's re on _sre)."""
import re


def run():
    words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
    text = ' '.join(words[i % 8] + str(i % 100) for i in range(120000))[:1000000]
    n = 0
    for _ in range(3):
        n += len(re.findall(r'\w+', text))
    lines = ('x' * 999 + '\n') * 1000
    misses = sum(1 for _ in range(5) if re.search(r'(a|b)c', lines) is None)
    p = re.compile(r'^x+$')
    full = sum(1 for line in lines.splitlines() if p.match(line))
    return n, misses, full


print(run())
