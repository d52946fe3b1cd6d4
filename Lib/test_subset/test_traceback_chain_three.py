def load(path):
    try:
        return {"a.cfg": "x=1"}[path]
    except KeyError as missing:
        raise FileNotFoundError(f"no config {path}") from missing

def parse(path):
    text = load(path)
    return dict(line.split("=") for line in text.splitlines())

def start(path):
    try:
        return parse(path)
    except FileNotFoundError:
        raise RuntimeError("startup failed")

print(start("a.cfg"))
print(start("b.cfg"))
