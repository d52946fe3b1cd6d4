class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.name, value)

class Product:
    name = Typed(str)
    price = Typed(float)

    def __init__(self, name, price):
        self.name = name
        self.price = price

p = Product("lamp", 19.5)
print(p.name, p.price, sorted(vars(p)))
try:
    p.price = "cheap"
except TypeError as e:
    print("TypeError:", e)
print(type(Product.name).__name__, Product.price.name)

class CachedProperty:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value   # non-data descriptor: instance dict wins next time
        return value

class Report:
    def __init__(self):
        self.computations = 0
    @CachedProperty
    def summary(self):
        self.computations += 1
        return "expensive summary"

r = Report()
print(r.summary, r.summary, r.computations)

class Constant:
    def __get__(self, obj, cls):
        return 42

class Holder:
    answer = Constant()

h = Holder()
h.__dict__["answer"] = "instance wins over non-data descriptor"
print(Holder.answer, h.answer)

class Method:
    def greet(self):
        return f"hi from {type(self).__name__}"

bound = Method.__dict__["greet"].__get__(Method(), Method)
print(bound(), Method.greet.__get__(None, Method) is Method.greet)

class Meta:
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        print(f"  registered subclass {cls.__name__} with tag {tag}")

class First(Meta, tag="one"):
    pass

class Second(First):
    pass

print(First.tag, Second.tag)
