"""Times `_base64` against CPython's C `binascii`, CPython 3.11's `base64`
module (pure Python for base32/base85/ascii85) and `pybase64` in one run.

    python bench/bench.py [--markdown] [--quick]

Each figure is the best of several timeit repeats, in ns per call; a ratio is
how many times faster `_base64` is (other's time / ours). pybase64 is
installed from PyPI into the running interpreter when missing.
"""

import argparse
import base64
import binascii
import os
import platform
import random
import subprocess
import sys
import timeit

import _base64


def ensure_pybase64():
    try:
        import pybase64
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check", "pybase64"])
        import pybase64
    return pybase64


def simd_name(pybase64):
    try:
        return pybase64._get_simd_name(pybase64._get_simd_flags_runtime())
    except Exception:  # a private helper: absent in other versions
        return "C"


def best_ns(func, arg, budget):
    """Best time of one call of func(arg), in ns."""
    timer = timeit.Timer(lambda: func(arg))
    number, elapsed = timer.autorange()
    if elapsed < budget / 5:
        number = max(1, int(number * (budget / 5) / max(elapsed, 1e-9)))
    times = timer.repeat(repeat=5, number=number)
    return min(times) / number * 1e9


def sizes_label(n):
    if n >= 1 << 20:
        return f"{n >> 20} MiB"
    if n >= 1 << 10:
        return f"{n >> 10} KiB"
    return f"{n} B"


def cases(pybase64, quick):
    rng = random.Random(1234)
    sizes = [64, 1024, 64 * 1024] + ([] if quick else [16 << 20])
    for n in sizes:
        data = rng.randbytes(n)
        encoded = binascii.b2a_base64(data, newline=False)
        label = sizes_label(n)
        yield (f"base64 encode {label}", data, [
            ("binascii", lambda d: binascii.b2a_base64(d, newline=False)),
            ("_base64", lambda d: _base64.b2a_base64(d, newline=False)),
            ("pybase64", pybase64.b64encode),
        ])
        yield (f"base64 decode {label}", encoded, [
            ("binascii", binascii.a2b_base64),
            ("_base64", _base64.a2b_base64),
            ("pybase64", pybase64.b64decode),
        ])
    for n in [64, 64 * 1024]:
        data = rng.randbytes(n)
        label = sizes_label(n)
        for name in ("b32", "b85", "a85"):
            enc = getattr(base64, f"{name}encode")
            dec = getattr(base64, f"{name}decode")
            yield (f"{name} encode {label}", data, [
                ("base64", enc),
                ("_base64", getattr(_base64, f"{name}encode")),
            ])
            yield (f"{name} decode {label}", enc(data), [
                ("base64", dec),
                ("_base64", getattr(_base64, f"{name}decode")),
            ])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--quick", action="store_true", help="skip the 16 MiB cases")
    parser.add_argument("--budget", type=float, default=0.2,
                        help="seconds of timing per figure (default 0.2)")
    args = parser.parse_args()
    pybase64 = ensure_pybase64()

    rows = []
    for title, arg, impls in cases(pybase64, args.quick):
        results = {}
        expected = None
        for name, func in impls:
            out = func(arg)
            if expected is None:
                expected = out
            elif out != expected:
                sys.exit(f"{title}: {name} disagrees with {impls[0][0]}")
            results[name] = best_ns(func, arg, args.budget)
        rows.append((title, results))

    head = ["case", "_base64 ns", "CPython ns", "x CPython", "pybase64 ns", "x pybase64"]
    table = []
    for title, r in rows:
        ours = r["_base64"]
        ref_name = "binascii" if "binascii" in r else "base64"
        ref = r[ref_name]
        py64 = r.get("pybase64")
        table.append([
            title,
            f"{ours:,.0f}",
            f"{ref:,.0f} ({ref_name})",
            f"{ref / ours:.1f}x",
            "" if py64 is None else f"{py64:,.0f}",
            "" if py64 is None else f"{py64 / ours:.2f}x",
        ])
    conditions = (f"{platform.python_implementation()} {platform.python_version()}, "
                  f"pybase64 {pybase64.__version__} ({simd_name(pybase64)}), "
                  f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
        for row in table:
            print("| " + " | ".join(row) + " |")
        print()
        print(f"Measured with {conditions}.")
    else:
        widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
        for row in table:
            print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                            for i, (c, w) in enumerate(zip(row, widths))))
        print(conditions)


if __name__ == "__main__":
    main()
