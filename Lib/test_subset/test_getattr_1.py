class Record:
    def __init__(self, **fields):
        self._fields = fields

    def __getattr__(self, name):
        # Called only when normal lookup fails.
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} has no field {name!r}") from None

r = Record(name="ann", age=30)
print(r.name, r.age, r._fields)
try:
    r.height
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(r, "height", "n/a"), hasattr(r, "age"), hasattr(r, "nope"))

class Tracked:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)

t = Tracked()
t.a = 1
t.b = "two"
del t.a
print(t.log, vars(t))

class Upper:
    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        return value.upper() if isinstance(value, str) else value

u = Upper()
u.word = "quiet"
u.n = 5
print(u.word, u.n)

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapped(*args):
                print(f"  calling {name}{args}")
                return attr(*args)
            return wrapped
        return attr

p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
