class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} ({exc_type.__name__ if exc_type else None})")
        return False

log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append(f"body uses {a.name}+{b.name}")
print(log)

log = []
try:
    with Resource("outer", log), Resource("inner", log):
        log.append("about to fail")
        raise ValueError("boom")
except ValueError as e:
    log.append(f"handled {e}")
print(log)

class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return "value from enter"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("  suppressed", repr(exc))
            return True
        return False

with Suppress(KeyError) as v:
    print("got", v)
    {}["x"]
    print("not reached")
print("after suppressed block")

def early_return():
    with Resource("ret", log):
        return "returned inside with"

log = []
print(early_return(), log)

for i in range(3):
    with Resource(f"loop{i}", log):
        if i == 1:
            continue
        if i == 2:
            break
print(log[-4:])
