import sys

def risky(n):
    if n > 2:
        raise OverflowError(f"{n} is too big")
    return n * 10

def run_all(ns):
    results = []
    for n in ns:
        try:
            results.append(risky(n))
        except OverflowError:
            print("logging and re-raising:", sys.exc_info()[1])
            raise
    return results

print(run_all([1, 2]))
print(run_all([1, 5, 2]))
