import sys

print("plain")
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print(1, 2.5, None, True, [1, "x"], {"k": (1,)})
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep=", ", end=".\n")
print("multi\nline\ttab")
print("", end="")
print(sep="ignored", end="just end\n")
print("error line 2", 42, file=sys.stderr, sep=":")

class Custom:
    def __str__(self):
        return "Custom.__str__"
    def __repr__(self):
        return "Custom.__repr__"

print(Custom(), [Custom()], (Custom(),))

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        self.parts.append("<flush>")

c = Collector()
print("into", "collector", file=c, flush=True)
print(c.parts)
print(None, file=None)
try:
    print("x", sep=1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError:", e)
print("unicode: héllo ✓ 日本")
