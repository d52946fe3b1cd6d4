def islice(iterable, n):
    it = iter(iterable)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return

def count():
    n = 0
    while True:
        yield n
        n += 1

def read_lines(text):
    for line in text.splitlines():
        print(f"  read {line!r}")
        yield line

def parse(lines):
    for line in lines:
        if line and not line.startswith("#"):
            yield line.split(",")

def to_records(rows):
    for name, qty in rows:
        yield {"name": name, "qty": int(qty)}

data = "# header\napple,3\n\npear,5\nfig,1"
pipeline = to_records(parse(read_lines(data)))
print("pipeline built, nothing read yet")
first = next(pipeline)
print("first:", first)
print("rest:", list(pipeline))

evens = (n for n in count() if n % 2 == 0)
print(list(islice(evens, 5)), next(evens))

def chunks(seq, size):
    it = iter(seq)
    while batch := list(islice(it, size)):
        yield batch

print(list(chunks(range(10), 4)))
print([c for chunk in chunks("abcdefg", 3) for c in chunk])

def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

def running_average():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = running_average()
next(avg)
print([avg.send(v) for v in [10, 20, 60]])
gen = (x for x in range(3))
print(gen.__name__, iter(gen) is gen, list(gen), list(gen))
print(sum(x * x for x in range(1000)), any(x > 998 for x in range(1000)))
lazy = map(lambda x: 1 / x, [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("lazy error:", e)
