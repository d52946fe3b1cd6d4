"""Exceptions: raising and catching in a loop, with try/finally and custom classes."""


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i


def run(n):
    caught = {"app": 0, "key": 0, "ok": 0}
    cleanup = 0
    for i in range(n):
        try:
            risky(i)
            caught["ok"] += 1
        except AppError as e:
            caught["app"] += e.code % 2
        except KeyError:
            caught["key"] += 1
        finally:
            cleanup += 1
    lookups = 0
    d = {}
    for i in range(n // 2):
        try:
            lookups += d[i]
        except KeyError:
            d[i] = 1
    return caught, cleanup, len(d)


print(run(450000))
