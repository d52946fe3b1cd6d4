# A metaclass's own __getattribute__ reaches type.__getattribute__ through
# super() (typing.py's _DeprecatedType does this at import time).
import warnings


class Meta(type):
    def __getattribute__(cls, name):
        if name not in ("__dict__", "__module__") and name in cls.__dict__:
            print("Meta sees", name)
        return super().__getattribute__(name)


class C(metaclass=Meta):
    x = 1

    def m(self):
        return 2


print(C.x, C.__name__, C().m())
print(type.__getattribute__(C, "x"))
print(object.__getattribute__(C, "x"))
try:
    C.missing
except AttributeError as e:
    print("AttributeError", e)

import typing
print(typing.io.__name__, typing.List[int])
