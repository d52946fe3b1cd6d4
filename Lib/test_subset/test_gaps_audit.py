"""sys.audit and sys.addaudithook (hooks see only the t.* test events)."""
import sys

# Without hooks the event is not even type-checked.
for args in [(), (1,), (b"x",), ("ev", 1, 2)]:
    try:
        print(sys.audit(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.audit(event="x")
except Exception as e:
    print(type(e).__name__, e)
try:
    sys.addaudithook()
except Exception as e:
    print(type(e).__name__, e)
try:
    sys.addaudithook(1, 2)
except Exception as e:
    print(type(e).__name__, e)

log = []
def h1(ev, args):
    if ev.startswith("t.") or ev == "sys.addaudithook":
        log.append(("h1", ev, args))
    if ev == "t.boom":
        raise ValueError("boom " + repr(args))
def h2(ev, args):
    if ev.startswith("t."):
        log.append(("h2", ev, type(args).__name__, args))
print(sys.addaudithook(h1))
print(sys.addaudithook(h2))
print(log); log.clear()
sys.audit("t.a")
sys.audit("t.b", 1, "x", None)
print(log); log.clear()
try:
    sys.audit("t.boom", 1)
except ValueError as e:
    print("ValueError", e)
print(log); log.clear()
for a in [(1,), (b"x",), (None, 2)]:
    try:
        sys.audit(*a)
    except Exception as e:
        print(type(e).__name__, e)
class Veto(Exception): pass
vetoing = True
def veto(ev, args):
    if ev == "sys.addaudithook" and vetoing:
        raise Veto("no")
sys.addaudithook(veto)  # ok: first the existing hooks see the event
def later(ev, args):
    log.append(("later", ev))
print(sys.addaudithook(later))
sys.audit("t.c")
print(log); log.clear()
class S(str): pass
sys.audit(S("t.sub"), 1)
print(log); log.clear()

# A BaseException (not an Exception) from a hook is not swallowed.
vetoing = False
class Stop(BaseException): pass
def stopper(ev, args):
    if ev == "sys.addaudithook" or ev == "t.stop":
        raise Stop(ev)
sys.addaudithook(stopper)
try:
    sys.audit("t.stop", 1)
except Stop as e:
    print("Stop", e)
try:
    sys.addaudithook(print)
except Stop as e:
    print("Stop", e)
print(log)
