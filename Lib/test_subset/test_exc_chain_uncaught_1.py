# Implicit chaining: an exception raised while handling another.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"could not parse {text!r}")

def load(items):
    return [parse(x) for x in items]

print(load(["1", "2"]))
print(load(["3", "four"]))
