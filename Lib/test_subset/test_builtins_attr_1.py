class Config:
    debug = False

    def __init__(self):
        self.name = "app"

c = Config()
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", None))
setattr(c, "level", 3)
setattr(c, "debug", True)
print(c.level, c.debug, Config.debug, hasattr(c, "level"), hasattr(Config, "level"))
delattr(c, "level")
print(hasattr(c, "level"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)

for attr in ["upper", "nope", "__len__"]:
    print(attr, hasattr("text", attr))
method = getattr("text", "upper")
print(method(), getattr([1, 2], "__len__")())

fields = {"host": "localhost", "port": 8080}
for key, value in fields.items():
    setattr(c, key, value)
print(sorted(vars(c).items()))
print(vars(c) is c.__dict__, sorted(k for k in vars(Config) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
names = dir(c)
print("host" in names, "debug" in names, "__init__" in names, names == sorted(names))
print([n for n in dir(Config) if not n.startswith("_")])
print(callable(c), callable(Config), callable(c.__init__), callable(None), callable(lambda: 0))
print(isinstance(c, Config), isinstance(c, (int, Config)), issubclass(Config, object))
try:
    isinstance(c, "Config")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(c, Config)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(3, (int, (str, float))), issubclass(bool, (str, (list, int))))
