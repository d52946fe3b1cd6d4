import sys

raw = sys.stdin.buffer.read()
print(type(raw).__name__, len(raw))
print(raw[:6], raw.count(b"\n"))
text = raw.decode("utf-8")
print(text.splitlines())
total = sum(int(tok) for tok in text.split() if tok.isdigit())
print("sum of numbers:", total)
sys.stdout.flush()
sys.stdout.buffer.write(raw.upper())
sys.stdout.buffer.flush()
