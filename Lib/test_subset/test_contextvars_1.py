# contextvars: ContextVar, Token, Context, copy_context, Context.run.
import contextvars as cv
import re

def h(s):
    return re.sub(r"0x[0-9a-f]+", "0x?", s)

v = cv.ContextVar("v")
w = cv.ContextVar("w", default=5)
print(h(repr(v)), h(repr(w)), v.name, w.get(), cv.ContextVar[int])
calls = [lambda: v.get(), lambda: cv.ContextVar(1), lambda: cv.ContextVar(), lambda: cv.Token(),
         lambda: cv.Context(1), lambda: v.reset(1), lambda: cv.Context()[1], lambda: cv.Context()[v],
         lambda: hash(cv.Context()), lambda: v.set(), lambda: cv.Context().run(),
         lambda: type("X", (cv.ContextVar,), {}), lambda: type("X", (cv.Context,), {}),
         lambda: type("X", (cv.Token,), {}), lambda: v.get(1, 2), lambda: 1 in cv.Context(),
         lambda: cv.Context().get(1), lambda: cv.ContextVar("a", 1), lambda: v.get(7),
         lambda: cv.ContextVar(name="n").name, lambda: cv.ContextVar("n", bogus=1),
         lambda: h(repr(cv.ContextVar("d", default=[1])))]
for f in calls:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, h(str(e)))
t = v.set(1)
print(h(repr(t)), t.var is v, t.old_value, cv.Token.MISSING, type(cv.Token.MISSING))
print(t.old_value is cv.Token.MISSING)
t2 = v.set(2)
print(t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError as e:
    print(type(e).__name__, h(str(e)))
try:
    w.reset(t)
except ValueError as e:
    print(type(e).__name__, h(str(e)))
ctx = cv.copy_context()
print(len(ctx), v in ctx, w in ctx, ctx[v], ctx.get(w), ctx.get(w, 9), list(ctx.keys()) == [v],
      list(ctx.values()), list(ctx.items()) == [(v, 1)], list(ctx) == [v])

def f(a, b=0):
    v.set(a + b)
    w.set(7)
    return v.get(), cv.copy_context()[w]

print(ctx.run(f, 10, b=5), v.get(), ctx[v], w.get(), ctx[w])
try:
    ctx.run(ctx.run, f, 1)
except RuntimeError as e:
    print(type(e).__name__, h(str(e)))
c2 = cv.Context()
t3 = c2.run(v.set, 100)
print(c2[v], v.get())
try:
    v.reset(t3)
except ValueError as e:
    print(type(e).__name__, h(str(e)))
c2.run(v.reset, t3)
print(v in c2, len(c2))
print(ctx == ctx.copy(), ctx == cv.Context(), ctx != 1, ctx == 1, cv.Context() == cv.Context())
print(h(repr(cv.Context())))
print(cv.Token.__module__, cv.ContextVar.__module__, cv.Context.__module__)
t4 = w.set(8)
print(t4.old_value is cv.Token.MISSING)
w.reset(t4)
print(w.get())

def nested():
    inner = cv.copy_context()
    v.set("outer-run")
    return inner.run(lambda: v.get()), v.get()

print(cv.copy_context().run(nested), v.get())
