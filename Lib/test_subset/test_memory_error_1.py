# Requests for absurd amounts of memory raise MemoryError instead of crashing.
attempts = {
    "bytes repeat": lambda: b"x" * 10 ** 15,
    "str repeat": lambda: "ab" * 10 ** 15,
    "list repeat": lambda: [0] * 10 ** 15,
    "bytearray": lambda: bytearray(10 ** 15),
}
for name, attempt in attempts.items():
    try:
        attempt()
    except MemoryError as e:
        print(name, "-> MemoryError", e.args)
    except OverflowError as e:
        print(name, "-> OverflowError", e)

try:
    b"x" * 10 ** 20
except OverflowError as e:
    print("OverflowError:", e)
try:
    [None] * 2 ** 62
except MemoryError:
    print("huge list -> MemoryError")
except OverflowError as e:
    print("huge list -> OverflowError:", e)
print("still alive:", len(b"x" * 10))
print(b"x" * 10 ** 15)
