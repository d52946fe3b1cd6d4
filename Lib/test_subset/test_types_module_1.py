# CPython's own types.py, unchanged, on rpy's coroutines, frames, unions
# and generic aliases.
import sys
import types

for name in ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType',
             'SimpleNamespace', 'CellType', 'GeneratorType', 'CoroutineType',
             'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType',
             'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType',
             'ClassMethodDescriptorType', 'ModuleType', 'TracebackType', 'FrameType',
             'GetSetDescriptorType', 'MemberDescriptorType', 'GenericAlias',
             'UnionType', 'EllipsisType', 'NoneType', 'NotImplementedType']:
    print(name, getattr(types, name))

@types.coroutine
def tick():
    yield 'tick'

async def job():
    await tick()
    return 42

c = job()
print(type(c.cr_frame).__name__, c.cr_frame.f_code.co_name)
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value)
print(c.cr_frame)

async def agen():
    yield 1
a = agen()
print(a.ag_frame.f_code.co_name, a.ag_code.co_flags & 0x200)
print(BaseExceptionGroup[int], ExceptionGroup[ValueError])
print(types.new_class('C', (list[int],)).__orig_bases__)
print(isinstance(3, int | str), types.SimpleNamespace(a=1))
