# `raise SystemExit(n)` anywhere exits with that status and no traceback.
def deep(n):
    if n == 0:
        print("exiting from depth")
        raise SystemExit(42)
    deep(n - 1)

try:
    deep(5)
except ValueError:
    print("not reached")
finally:
    print("outer finally")
