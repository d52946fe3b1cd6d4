#!/usr/bin/env python3
"""Times every benchmark under rpy and CPython in the same run.

Usage:
    python3 bench/run.py [--rpy PATH] [--python PATH] [--repeat N] [--markdown] [NAME ...]

Builds nothing: pass the rpy binary (default: target/release/rpy, made by
`cargo build --release -p rpy-cli`). Each program in bench/ (bench_*.py) and
the startup case (`-c pass`, launched STARTUP_LAUNCHES times per sample) runs
REPEAT times under each interpreter, alternating; the minimum wall time is
reported. Both interpreters must print the same stdout: a program that exits
non-zero, times out or prints something else under rpy is reported as FAILED
and left out of the geometric mean of the rpy/CPython ratios.
"""

import argparse
import math
import os
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
STARTUP_LAUNCHES = 20


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rpy", default=os.path.join(REPO, "target", "release", "rpy"),
                   help="rpy binary (default: target/release/rpy)")
    p.add_argument("--python", default="python3", help="CPython to compare with (default: python3)")
    p.add_argument("--repeat", type=int, default=3, help="samples per interpreter (default: 3)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds before a sample counts as failed")
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("names", nargs="*", help="only benchmarks whose name contains one of these")
    return p.parse_args()


def benchmarks(filters):
    """(name, argv-after-interpreter, launches) for each selected benchmark."""
    found = []
    for entry in sorted(os.listdir(BENCH_DIR)):
        if entry.startswith("bench_") and entry.endswith(".py"):
            found.append((entry[len("bench_"):-3], [entry], 1))
    found.append(("startup", ["-c", "pass"], STARTUP_LAUNCHES))
    if filters:
        found = [b for b in found if any(f in b[0] for f in filters)]
    return found


class Failure(Exception):
    pass


def sample(interpreter, argv, launches, timeout):
    """Wall time of `launches` sequential runs, and the last stdout."""
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONHASHSEED"):
        env.pop(var, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.perf_counter()
    out = b""
    for _ in range(launches):
        try:
            proc = subprocess.run([interpreter] + argv, cwd=BENCH_DIR, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"timed out after {timeout:g} s")
        except OSError as e:
            raise Failure(f"cannot run: {e}")
        if proc.returncode != 0:
            last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise Failure(f"exit {proc.returncode}: {last[0][:60]}")
        out = proc.stdout
    return time.perf_counter() - start, out


def measure(name, argv, launches, args):
    """Best CPython time, best rpy time (or the failure text)."""
    py_times, rpy_times = [], []
    py_out = rpy_out = None
    rpy_failure = None
    for _ in range(args.repeat):
        t, py_out = sample(args.python, argv, launches, args.timeout)
        py_times.append(t)
        if rpy_failure is None:
            try:
                t, rpy_out = sample(args.rpy, argv, launches, args.timeout)
                rpy_times.append(t)
            except Failure as e:
                rpy_failure = str(e)
    if rpy_failure is None and rpy_out != py_out:
        rpy_failure = "output differs from CPython's"
    return min(py_times), (None if rpy_failure else min(rpy_times)), rpy_failure


def render(rows, geomean, markdown, header_note):
    headers = ["program", "CPython (s)", "rpy (s)", "rpy/CPython"]
    body = []
    for name, py_t, rpy_t, failure in rows:
        if failure:
            body.append([name, f"{py_t:.3f}", "FAILED", failure])
        else:
            body.append([name, f"{py_t:.3f}", f"{rpy_t:.3f}", f"{rpy_t / py_t:.2f}x"])
    summary = ["geometric mean", "", "", f"{geomean:.2f}x" if geomean is not None else "n/a"]
    lines = [header_note]
    if markdown:
        lines.append("")
        lines.append("| " + " | ".join(headers) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * 3) + "|")
        for row in body + [summary]:
            lines.append("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [headers] + body + [summary]) for i in range(4)]
        fmt = lambda r: "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
        lines.append(fmt(headers))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(fmt(r) for r in body)
        lines.append(fmt(summary))
    return "\n".join(lines)


def main():
    args = parse_args()
    if not (os.path.isfile(args.rpy) and os.access(args.rpy, os.X_OK)):
        sys.exit(f"run.py: no rpy binary at {args.rpy}; build it with `cargo build --release -p rpy-cli`"
                 " or pass --rpy PATH")
    try:
        # Resolve launcher shims (pyenv, ...) to the real executable so that
        # startup figures measure CPython, not a wrapper script.
        info = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0]); print(sys.executable)"],
                              stdout=subprocess.PIPE, check=True).stdout.decode().split("\n")
        version, args.python = info[0].strip(), info[1].strip() or args.python
    except (OSError, subprocess.CalledProcessError, IndexError) as e:
        sys.exit(f"run.py: cannot run {args.python}: {e}")
    rows = []
    for name, argv, launches in benchmarks(args.names):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            py_t, rpy_t, failure = measure(name, argv, launches, args)
        except Failure as e:
            sys.exit(f"run.py: {name} fails under CPython ({e}): fix the benchmark")
        rows.append((name, py_t, rpy_t, failure))
    ratios = [rpy_t / py_t for _, py_t, rpy_t, failure in rows if not failure and py_t > 0]
    geomean = math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else None
    note = (f"CPython {version} vs rpy ({os.path.relpath(args.rpy, os.getcwd())}); min of {args.repeat} runs; "
            f"startup = {STARTUP_LAUNCHES} launches of `-c pass`; "
            f"{len(ratios)} of {len(rows)} programs ran under rpy")
    print(render(rows, geomean, args.markdown, note))


if __name__ == "__main__":
    main()
