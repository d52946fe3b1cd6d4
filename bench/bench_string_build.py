"""String building: concatenation, join, formatting and methods."""


def build(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * i:x}")
    joined = ",".join(parts)
    text = ""
    for i in range(n // 4):
        text += str(i % 10)
    words = joined.split(",")
    upper = sum(1 for w in words if w.upper().endswith("F"))
    replaced = joined.replace(":", "=").count("=")
    padded = "".join(w.rjust(12, ".") for w in words[:5000])
    return len(joined), len(text), upper, replaced, len(padded), "%s-%d" % (words[-1], len(words))


for _ in range(8):
    result = build(100000)
print(result)
