# `raise ... from None` hides the original exception in the traceback.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"unknown key: {key!r}") from None

table = {"a": 1}
print(lookup(table, "a"))
try:
    lookup(table, "b")
except ValueError as e:
    print("caught:", e, "| cause:", e.__cause__, "| suppress:", e.__suppress_context__)
    print("context kept anyway:", type(e.__context__).__name__)
lookup(table, "zzz")
