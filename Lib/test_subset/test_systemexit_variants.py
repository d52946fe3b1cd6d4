import sys

variants = [None, 0, 5, "text", [1, 2], (), (1, 2)]
for v in variants:
    try:
        if v is None:
            sys.exit()
        sys.exit(v)
    except SystemExit as e:
        print(f"sys.exit({v!r}): code={e.code!r} args={e.args!r}")

try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit:", e.code)
try:
    exit(4)
except SystemExit as e:
    print("builtin exit:", e.code)
try:
    quit()
except SystemExit as e:
    print("builtin quit:", e.code)

class Cleanup:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("__exit__ saw", exc[0].__name__)
        return False

with Cleanup():
    raise SystemExit(0)
