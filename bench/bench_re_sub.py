"""Regex substitution with a callable and with a template, and the
compile path (re._compiler in Python, then the compile cache)."""
import re


def run():
    text = ' '.join('word%d' % (i % 1000) for i in range(100000))
    a = re.sub(r'\d+', lambda m: str(int(m.group()) * 2), text)
    b = re.sub(r'(\w+?)(\d+)', r'\2-\1', text)
    for i in range(100):
        re.purge()
        re.compile(r'(?P<name>[a-z_]\w*)\s*=\s*(?P<value>\d+(?:\.\d*)?|"[^"]*")' + str(i))
    hits = sum(1 for _ in range(20000) if re.match(r'(\w+)@(\w+)\.com', 'user@example.com'))
    return len(a), len(b), hits


print(run())
