# _stat and CPython's stat.py on it: constants, tests, filemode, errors.
import _stat
import stat

consts = sorted(k for k in dir(_stat) if k.isupper() and isinstance(getattr(_stat, k), int))
for k in consts:
    print(k, getattr(_stat, k), getattr(stat, k) == getattr(_stat, k))
for mode in [0o040755, 0o100644, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755, 0o104755,
             0o102755, 0o101777, 0o107000, 0o170777, 0, 0o7777]:
    print(oct(mode), stat.filemode(mode), _stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode),
          [f for f in ("S_ISDIR", "S_ISREG", "S_ISLNK", "S_ISCHR", "S_ISBLK", "S_ISFIFO", "S_ISSOCK",
                       "S_ISDOOR", "S_ISPORT", "S_ISWHT") if getattr(stat, f)(mode)])
print(stat.S_ISDIR(True), stat.S_IMODE(False))
bad = ["x", 1.5, None, -1, 2**32 + 5, 2**64, 2**70]
for fn in (_stat.S_ISDIR, _stat.S_IMODE, _stat.S_IFMT, _stat.filemode):
    for b in bad:
        try:
            print(fn(b))
        except Exception as e:
            print(type(e).__name__, e)
for call in (lambda: _stat.S_ISDIR(), lambda: _stat.S_ISREG(1, 2), lambda: _stat.filemode(mode=1)):
    try:
        call()
    except TypeError as e:
        print(e)
print(stat.filemode.__module__ if hasattr(stat.filemode, "__module__") else None)
