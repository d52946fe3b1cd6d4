# PEP 604 unions: X | Y on types, types.UnionType, isinstance/issubclass.
UnionType = type(int | str)
GenericAlias = type(list[int])

def t(s):
    try:
        print(s, '->', repr(eval(s)))
    except Exception as e:
        print(s, '->', type(e).__name__, e)

u = int | str
print(type(u), UnionType.__name__, UnionType.__module__, UnionType.__qualname__)
print(UnionType.__mro__)
for s in ["int | str", "int | None", "None | int", "(int | None).__args__", "int | int",
          "int | str | int", "(int | str) | (str | float)", "(int | str) == (str | int)",
          "(int | str) != (int | float)", "hash(int | str) == hash(str | int)",
          "hash(int | str) == hash(frozenset([int, str]))", "int | list[int]",
          "list[int] | None", "list[int] | list[int]", "list[int] | list[str]",
          "type(int | list[int]) is UnionType", "None | None", "type(None) | None",
          "(int | str).__args__", "(int | str | list[int]).__parameters__",
          "(int | str).__module__", "(int | str).foo", "(int | str) < (int | str)",
          "(int | str)[int]", "int | 3", "3 | int", "int | 'str'", "list[int] | 3",
          "(int | str) | 3", "(lambda: 1) | int", "int | (lambda: 1)",
          "type.__or__(int, str)", "type.__ror__(int, str)",
          "isinstance(1, int | str)", "isinstance(1.5, int | str)",
          "isinstance(None, int | None)", "issubclass(bool, int | str)",
          "issubclass(float, int | str)", "isinstance(1, (str, int | float))",
          "isinstance(1, int | list[int])", "isinstance('', int | list[int])",
          "issubclass(str, int | list[int])", "issubclass(1, int | str)",
          "isinstance(1, 3)", "issubclass(int, 3)", "issubclass(3, int)",
          "UnionType()", "int | str in {str | int: 1}", "{int | str: 1}[str | int]"]:
    t(s)

class Meta(type):
    pass

class A(metaclass=Meta):
    pass

class B:
    def __ror__(self, other):
        return ('ror', other)

print(A | int, int | A, isinstance(A(), A | str))
print(int | B())
try:
    class X(UnionType):
        pass
except TypeError as e:
    print(e)

def f(x: int | None = None) -> list[int] | None:
    return x

print(f.__annotations__)
