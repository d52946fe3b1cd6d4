import sys

header = sys.stdin.readline()
print("header:", header.rstrip())
counts = {}
for line in sys.stdin:
    word = line.strip()
    if not word:
        continue
    counts[word] = counts.get(word, 0) + 1
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{word:>8} {n}")
print(sys.stdin.readline() == "")
