# Calls of native module functions with few arguments (math, cmath,
# time): the cost of binding and converting arguments dominates.
import cmath
import math
import time


def run(n):
    acc = 0.0
    sin, sqrt, atan2, floor, isclose = math.sin, math.sqrt, math.atan2, math.floor, math.isclose
    for i in range(n):
        x = i * 0.001
        acc += sin(x) + sqrt(x) + atan2(x, 1.0) + floor(x)
        if isclose(x, 1.0, rel_tol=1e-3):
            acc += 1.0
        acc += math.gcd(i, 12) + math.hypot(x, 2.0)
    z = 0j
    for i in range(n // 4):
        z += cmath.sqrt(complex(i, 1))
    t = time.monotonic()
    return round(acc, 3), round(abs(z), 3), time.monotonic() >= t


print(run(50_000))
