def documented(a, b=1):
    """Add things.

    More detail here.
    """
    return a + b

print(documented.__name__, documented.__qualname__, documented.__module__)
print(documented.__doc__.splitlines()[0], documented.__defaults__, documented.__code__.co_name)
documented.custom = "attribute on a function"
print(documented.custom, "custom" in documented.__dict__)

class Holder:
    def method(self):
        def inner():
            pass
        return inner
    @staticmethod
    def static():
        pass

print(Holder.method.__qualname__, Holder().method().__qualname__, Holder.static.__qualname__)
print(type(Holder.method).__name__, type(Holder().method).__name__, type(len).__name__)
print((lambda: 0).__name__, (lambda: 0).__qualname__, documented.__globals__ is globals())

def no_doc():
    pass
print(no_doc.__doc__, no_doc(), no_doc.__defaults__, no_doc.__kwdefaults__)

def kw(*, flag=True):
    pass
print(kw.__kwdefaults__, kw.__code__.co_kwonlyargcount, kw.__code__.co_argcount)
renamed = documented
renamed.__name__ = "renamed"
print(documented.__name__, renamed is documented)

def annotated(x: int, *args: str, y: "float" = 0.0, **kw: bool) -> list:
    pass
print(annotated.__annotations__)

def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print(counter.calls)
print(callable(documented), callable(Holder), callable(Holder()), callable(Holder().method))
print(documented == documented, documented != no_doc, hash(documented) == hash(documented))
print(repr(documented).startswith("<function renamed at 0x"), str(Holder.method).startswith("<function Holder.method"))
try:
    documented.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, documented.__code__.co_flags & 0x20 != 0)
