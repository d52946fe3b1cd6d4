# The built-in types CPython's Lib/types.py takes from live objects (the
# ones that are not coroutines, async generators or generic aliases):
# their names, modules, qualnames, reprs, and what their instances do.
import sys
import re


def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(sys.implementation)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self): pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)
try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
    FrameType = type(exc.__traceback__.tb_frame)
GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

table = [
    FunctionType, LambdaType, CodeType, MappingProxyType, SimpleNamespace,
    CellType, GeneratorType, MethodType, BuiltinFunctionType,
    BuiltinMethodType, WrapperDescriptorType, MethodWrapperType,
    MethodDescriptorType, ClassMethodDescriptorType, ModuleType,
    TracebackType, FrameType, GetSetDescriptorType, MemberDescriptorType,
    NoneType, NotImplementedType, EllipsisType,
]
for t in table:
    print(t.__name__, t.__qualname__, t.__module__, repr(t))
print(FunctionType is LambdaType, BuiltinFunctionType is BuiltinMethodType)


def clean(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)


for v in [object.__init__, object().__str__, str.join, [].append, len,
          dict.__dict__['fromkeys'], FunctionType.__code__,
          FunctionType.__globals__, FunctionType.__dict__['__closure__'],
          FunctionType.__dict__['__doc__'], FunctionType.__dict__['__module__'],
          FunctionType.__dict__['__name__'], None, NotImplemented, ...,
          int.__add__, (1).__add__, str.__len__, "ab".__len__,
          object.__repr__, object.__eq__, object.__format__, object.__dir__,
          int.__new__, type.__call__, _C.__init__, _C().__init__]:
    print(clean(repr(v)), type(v).__name__)

# Slot wrappers and method-wrappers work like the methods they stand for.
_c = _C()
print(object.__str__(_c) == str(_c))
w = (5).__add__
print(type(w).__name__, w(3), w.__name__, w.__self__, w.__qualname__ if hasattr(w, "__qualname__") else "")
print(int.__add__(2, 3), int.__add__.__name__, int.__add__.__objclass__ if hasattr(int.__add__, "__objclass__") else int)
print(str.__len__("abc"), "abcd".__len__())
print(isinstance(object.__init__, WrapperDescriptorType), isinstance(str.join, MethodDescriptorType))
print(isinstance([].append, BuiltinMethodType), isinstance(object().__str__, MethodWrapperType))
print(FunctionType.__globals__.__get__(_f) is globals(), FunctionType.__code__.__get__(_f) is _f.__code__)

# Code objects: one object per code, compared by value.
print(_f.__code__ is _f.__code__, _f.__code__ == _f.__code__.replace())
print(hash(_f.__code__) == hash(_f.__code__.replace()))
print(clean(repr(_f.__code__)).replace(repr(__file__)[1:-1], "FILE"))
print(_g().gi_code is _g.__code__)
print(sys._getframe().f_code is sys._getframe().f_code)


def frame_code():
    return sys._getframe().f_code


print(frame_code() is frame_code.__code__)
