# PEP 585 generic aliases: list[int], dict[str, T], tuple[int, ...], type[int].
GenericAlias = type(list[int])

def t(s):
    try:
        print(s, '->', repr(eval(s)))
    except Exception as e:
        print(s, '->', type(e).__name__, e)


class T:
    """A type-variable-like object: anything with __typing_subst__."""
    def __init__(self, name):
        self.name = name
    def __typing_subst__(self, arg):
        return arg
    def __repr__(self):
        return '~' + self.name

K = T('K')
V = T('V')

for s in ["list[int]", "dict[str, int]", "tuple[int, ...]", "tuple[()]", "type[int]",
          "set[int]", "frozenset[str]", "enumerate[int]", "list[...]", "list[[int, str]]",
          "list['int']", "list[int, str]", "list[list[int]]", "type(list[int])",
          "GenericAlias.__name__", "GenericAlias.__module__", "GenericAlias.__mro__",
          "list[int].__origin__", "list[int].__args__", "list[int].__parameters__",
          "list[int].__unpacked__", "list[int].__typing_unpacked_tuple_args__",
          "list[int].__class__", "list[int].__name__", "list[int].__qualname__",
          "list[int].__module__", "list[int].append", "list[int].__doc__ == list.__doc__",
          "list[int].foo", "list[int].__copy__", "list[int] == list[int]",
          "list[int] != list[int]", "list[int] == list[str]", "list[int] == list",
          "hash(list[int]) == hash(list[int])", "hash(list[int]) == hash(list) ^ hash((int,))",
          "list[int] < list[int]", "list[int]()", "list[int]((1, 2))", "dict[str, int](a=1)",
          "frozenset[int]()", "isinstance([], list[int])", "issubclass(list, list[int])",
          "issubclass(1, list[int])", "isinstance(list[int], type)",
          "list[int][int]", "dict[str, int][int]", "int[int]", "object[int]", "str[int]",
          "BaseException[int]", "type.__class_getitem__", "list.__class_getitem__(int)",
          "list[int].__mro_entries__((1,))", "list[int].__reduce__()",
          "GenericAlias(list, int)", "GenericAlias(list, (int, str))",
          "GenericAlias(list, int, 3)", "GenericAlias(list, int, x=3)",
          "GenericAlias(3, (int, str))", "GenericAlias(3, (int, str))()",
          "[*tuple[int, str]]", "[*tuple[int, str]][0].__unpacked__",
          "[*tuple[int, str]][0].__typing_unpacked_tuple_args__",
          "[*list[int]][0].__typing_unpacked_tuple_args__",
          "[*tuple[int]][0] == tuple[int]", "list[K]", "list[K].__parameters__",
          "dict[K, V].__parameters__", "dict[K, list[V]].__parameters__",
          "dict[K, K].__parameters__", "dict[str, K][int]", "dict[K, list[V]][str, int]",
          "list[K][int]", "dict[K, V][int]", "dict[K, V][int, str, bytes]",
          "list[K | None]", "(K | None)", "(int | list[K])[str]", "(int | list[K]).__parameters__",
          "tuple[K, ...][int]"]:
    t(s)


class C(list[int]):
    pass

print(C.__bases__, C.__mro__, C([1, 2]))

class D(dict[str, int], metaclass=type):
    pass

print(D.__bases__)


class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'

print(Box[int], Box[int, str])


class Sub(list):
    pass

a = Sub[int]
print(a, a.__origin__)
inst = a([3])
print(inst, type(inst), inst.__orig_class__)


class Slotted:
    __slots__ = ()

s = GenericAlias(Slotted, int)()
print(type(s), hasattr(s, '__orig_class__'))

print(list[int] | None, dict[str, list[int]])
