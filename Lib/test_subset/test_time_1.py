import time

start = time.time()
mono = time.monotonic()
perf = time.perf_counter()
print(type(start).__name__, type(mono).__name__, type(perf).__name__)
print(start > 1_600_000_000, mono >= 0)
time.sleep(0.01)
print("time moves forward:", time.time() >= start, time.monotonic() > mono, time.perf_counter() > perf)
ns = time.time_ns()
print(type(ns).__name__, ns > 1_600_000_000 * 10 ** 9)
print(time.monotonic_ns() >= 0, isinstance(time.process_time(), float))

epoch = time.gmtime(0)
print(epoch.tm_year, epoch.tm_mon, epoch.tm_mday, epoch.tm_hour, epoch.tm_wday, epoch.tm_yday)
print(tuple(epoch))
print(time.strftime("%Y-%m-%d %H:%M:%S", epoch))
print(time.strftime("%A %B %j", time.gmtime(86400 * 365)))
moment = time.gmtime(1_000_000_000)
print(time.strftime("%Y-%m-%dT%H:%M:%SZ", moment), moment.tm_wday, moment.tm_isdst)
parsed = time.strptime("2024-02-29 12:30", "%Y-%m-%d %H:%M")
print(parsed.tm_year, parsed.tm_mon, parsed.tm_mday, parsed.tm_hour, parsed.tm_min, parsed.tm_yday)
print(time.asctime(epoch))
print(round(time.mktime(time.localtime(1_000_000)) - 1_000_000))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
elapsed = time.perf_counter() - perf
print("elapsed non-negative:", elapsed >= 0)
