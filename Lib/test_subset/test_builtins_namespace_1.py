module_value = "module level"

def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())

print(show_locals(1))
print("module_value" in globals(), globals()["__name__"], type(globals()).__name__)
globals()["dynamic"] = "created through globals()"
print(dynamic)

def outer():
    x = 1
    def inner():
        return sorted(locals())
    y = 2
    return inner(), sorted(locals())

print(outer())

class Sample:
    a = 1
    names_in_body = sorted(k for k in locals() if not k.startswith("__"))
    def method(self):
        pass

print(Sample.names_in_body)
print(sorted(k for k in vars(Sample) if not k.startswith("__")))
obj = Sample()
obj.x = 10
print(vars(obj), "x" in dir(obj), "method" in dir(obj), "a" in dir(obj))
print(dir()[:0], "show_locals" in dir(), "Sample" in dir())
print(sorted(n for n in dir(1) if n in ("real", "imag", "bit_length", "__add__")))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print(eval("module_value.upper()"), eval("a * 2", {"a": 21}), eval("x + y", {}, {"x": 1, "y": 2}))
namespace = {}
exec("def f(n):\n    return n * 3\nresult = f(5)", namespace)
print(namespace["result"], sorted(k for k in namespace if k != "__builtins__"))
print(callable(namespace["f"]), namespace["f"].__name__)
code = compile("1 + 2", "<expr>", "eval")
print(eval(code), type(code).__name__)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("undefined_thing")
except NameError as e:
    print("NameError:", e)
