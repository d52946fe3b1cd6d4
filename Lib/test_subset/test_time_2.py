import time

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

epoch = time.gmtime(0)
print(epoch)
print(type(epoch).__name__, len(epoch), epoch.tm_zone, epoch.tm_gmtoff, epoch[0], epoch[-1])
print(epoch == (1970, 1, 1, 0, 0, 0, 3, 1, 0), isinstance(epoch, tuple))
for t in [-1, 86399, 86400, 951782400, 951868800, 1_000_000_000, 1_700_000_000, 4_102_444_800, -2_208_988_800, 10 ** 12]:
    print(t, tuple(time.gmtime(t)))
print(tuple(time.gmtime(1.9)), tuple(time.gmtime(-1.5)))

fixed = (2024, 3, 5, 14, 7, 9, 1, 65, 0)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %h", "%c", "%x %X", "%D %T %R %F", "%I %p %j %y %C",
            "%e|%k|%l|%u|%w", "%U %W %V %G %g", "%%|%n|%t|", "%Q %E %O", "plain text", ""]:
    print(repr(fmt), "->", repr(time.strftime(fmt, fixed)))
print(time.strftime("%j %U %W %a", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%j %U %W %V %G", (2021, 1, 1, 0, 0, 0, 4, 1, 0)))
print(time.strftime("%j %U %W %V %G", (2020, 12, 31, 23, 59, 59, 3, 366, 0)))
print(time.strftime("%Y %y %C", (-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%m %d %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Z %z", epoch), time.strftime("%H:%M", time.gmtime(1_000_000_000)))
print(time.asctime(fixed), "|", time.asctime(epoch), "|", time.asctime((2024, 3, 15, 1, 2, 3, -1, 75, 0)))

parsed = time.strptime("2024-02-29 12:30:45", "%Y-%m-%d %H:%M:%S")
print(tuple(parsed))
print(tuple(time.strptime("5 Mar 2024", "%d %b %Y")), tuple(time.strptime("Tuesday March 05 24", "%A %B %d %y")))
print(tuple(time.strptime("07:15 PM", "%I:%M %p")), tuple(time.strptime("2024 060", "%Y %j")))

for label, f in [
    ("sleep(-1)", lambda: time.sleep(-1)),
    ("sleep('a')", lambda: time.sleep("a")),
    ("sleep()", lambda: time.sleep()),
    ("sleep(nan)", lambda: time.sleep(float("nan"))),
    ("gmtime('a')", lambda: time.gmtime("a")),
    ("gmtime(nan)", lambda: time.gmtime(float("nan"))),
    ("gmtime(1e20)", lambda: time.gmtime(1e20)),
    ("strftime(1)", lambda: time.strftime(1)),
    ("strftime short tuple", lambda: time.strftime("%Y", (1,))),
    ("strftime month", lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))),
    ("strftime mday", lambda: time.strftime("%Y", (2024, 1, 32, 0, 0, 0, 0, 1, 0))),
    ("strftime hour", lambda: time.strftime("%Y", (2024, 1, 1, 24, 0, 0, 0, 1, 0))),
    ("strftime minute", lambda: time.strftime("%Y", (2024, 1, 1, 0, 60, 0, 0, 1, 0))),
    ("strftime seconds", lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 62, 0, 1, 0))),
    ("strftime yday", lambda: time.strftime("%Y", (2024, 1, 1, 0, 0, 0, 0, 367, 0))),
    ("strftime float field", lambda: time.strftime("%Y", (2024.0, 1, 1, 0, 0, 0, 0, 1, 0))),
    ("asctime month", lambda: time.asctime((2024, 13, 1, 0, 0, 0, 0, 1, 0))),
    ("asctime short", lambda: time.asctime((2024, 1, 1))),
    ("strptime mismatch", lambda: time.strptime("2024-xx", "%Y-%m")),
    ("strptime leftover", lambda: time.strptime("2024-01-05 extra", "%Y-%m-%d")),
    ("strptime bad day", lambda: time.strptime("2023-02-29", "%Y-%m-%d")),
    ("mktime short", lambda: time.mktime((1, 2))),
]:
    attempt(label, f)
print(time.mktime(time.localtime(86400 * 400)) == 86400 * 400)
print(isinstance(time.timezone, int), isinstance(time.daylight, int), len(time.tzname))
print(time.monotonic_ns() >= 0, type(time.perf_counter_ns()).__name__, time.process_time() >= 0)
