# os.stat_result: integer times by index, float and nanosecond times by name, extra fields.
import os
s = os.stat('.')
print(type(s.st_mtime).__name__, type(s[8]).__name__, type(s.st_mtime_ns).__name__, abs(s.st_mtime - s.st_mtime_ns / 1e9) < 1e-6, s[8] == int(s.st_mtime))
print(type(s).n_fields, type(s).n_sequence_fields, type(s).n_unnamed_fields, len(s), type(s).__match_args__)
print(type(s.st_blksize).__name__, type(s.st_blocks).__name__, type(s.st_rdev).__name__)
r = os.stat_result(range(10))
print(r, r.st_atime, r.st_atime_ns, r.st_blksize, r[7])
r = os.stat_result(range(19))
print(r, r.st_atime, r.st_rdev, r.st_mtime_ns)
for n in (9, 20):
    try:
        os.stat_result(range(n))
    except TypeError as e:
        print("TypeError", e)
print(sorted(k for k in vars(os.stat_result) if not k.startswith('__')))
print(s == tuple(s), s.st_mode == s[0], s.st_size == s[6])
