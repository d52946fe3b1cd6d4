class AppError(Exception):
    pass
def parse(s):
    return int(s)
def load(items):
    out = []
    for s in items:
        try:
            out.append(parse(s))
        except ValueError as e:
            raise AppError(f"bad item {s!r}") from e
    return out
def main():
    try:
        load(["1", "x"])
    except AppError:
        data = {"a": 1}
        print(data["b"])
print("start")
main()
