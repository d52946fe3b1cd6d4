# _thread's module functions on rpy's one thread: identity, stack_size,
# _local, the exception hook, and starting a thread (refused by rpy,
# after CPython's argument checks).
import _thread
import sys

print(isinstance(_thread.get_ident(), int), _thread.get_ident() > 0, _thread.get_ident() == _thread.get_ident())
print(isinstance(_thread.get_native_id(), int), _thread._count())
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(_thread.stack_size())
for s in [1, 32767, 32768, -1, "x", 1.5]:
    try:
        print(_thread.stack_size(s))
    except Exception as e:
        print(type(e).__name__, e)
print(_thread.stack_size(0), _thread.stack_size())
sentinel = _thread._set_sentinel()
print(type(sentinel) is _thread.LockType, sentinel.locked())

for args in [(1, ()), (print, 1), (print, (), 1)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)

loc = _thread._local()
loc.x = 1
print(loc.x, loc.__dict__, type(loc).__module__, type(loc).__name__)
try:
    loc.y
except AttributeError as e:
    print(e)
del loc.x
try:
    del loc.x
except AttributeError as e:
    print(e)
for a, k in [((1,), {}), ((), {"a": 1})]:
    try:
        _thread._local(*a, **k)
    except TypeError as e:
        print(e)
class L(_thread._local):
    def __init__(self, a, b=2):
        self.a = a
        self.b = b
m = L(1, b=3)
print(m.a, m.b, m.__dict__, isinstance(m, _thread._local))
class Plain(_thread._local):
    pass
try:
    Plain(1)
except TypeError as e:
    print(e)

print(_thread._ExceptHookArgs.__name__, _thread._ExceptHookArgs.n_fields)
args = _thread._ExceptHookArgs((SystemExit, SystemExit(1), None, None))
print(args.exc_type, args.thread, _thread._excepthook(args))
try:
    raise ValueError("in a thread")
except ValueError as e:
    class T:
        name = "worker-1"
    sys.stderr = sys.stdout
    _thread._excepthook(_thread._ExceptHookArgs((type(e), e, e.__traceback__, T())))
    sys.stderr = sys.__stderr__
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)
for f in (_thread.allocate_lock, _thread.get_ident, _thread._count, _thread.exit):
    try:
        f(1)
    except TypeError as e:
        print(e)
