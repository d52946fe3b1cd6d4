text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

words = [w.strip(".,").lower() for w in text.split()]
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, count in top:
    print(f"{word:>8} {count:3d} {'#' * count}")
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
lines = text.splitlines()
print([len(line) for line in lines], max(lines, key=len)[:20])
letters = [c for c in text.lower() if c.isalpha()]
vowels = sum(c in "aeiou" for c in letters)
print(f"letters={len(letters)} vowels={vowels} ratio={vowels / len(letters):.3f}")
capitalized = [w for w in text.replace(",", " ").split() if w[0].isupper()]
print(capitalized)
sentence_case = text[:30].capitalize().title().swapcase()
print(sentence_case)
acronym = "".join(w[0] for w in "portable network graphics".split()).upper()
print(acronym, "-".join(reversed(acronym)), acronym.center(11, "~"))
