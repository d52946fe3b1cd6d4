# Notes in an uncaught report: after the message, multi-line notes, a
# note whose str() fails, notes inside a group, and add_note's errors.
class BadStr:
    def __str__(self):
        raise RuntimeError("no str")

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second note\nover two lines")
try:
    e.add_note(42)
except TypeError as t:
    print("TypeError:", t)
other = KeyError("k")
other.__notes__ = 7
try:
    other.add_note("x")
except TypeError as t:
    print("TypeError:", t)
print(e.__notes__)
e.__notes__.append(BadStr())
e.__notes__.append("last")
member = TypeError("member")
member.add_note("member note")
g = ExceptionGroup("group", [e, member])
g.add_note("group note")
raise g
