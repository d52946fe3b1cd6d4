"""Differential fuzzing: mutated snapshot programs run under CPython 3.11
and under rpy; every case where rpy crashes, panics or hangs and CPython
does not is reported (and saved under target/fuzz/differential/).

    python3 scripts/fuzz-differential.py [--runs N] [--seed S] [--rpy PATH]
                                         [--seconds T]

A finding is one of:
- crash: rpy died from a signal (segfault, abort, stack overflow) and
  CPython did not;
- panic: rpy's stderr shows a Rust panic ("panicked at", or the VM's
  "rpy panicked" SystemError);
- hang: CPython finished within a quarter of the time limit and rpy ran
  into it.

Any other difference (output, exception types) is not a finding here: the
snapshot tests own exact behaviour. Exits 1 when there is a finding, so a
short run can gate CI; the mutations are deterministic for a seed.

Programs that could harm the machine running them when mutated (process
control, file removal) are left out of the corpus, and each run gets a
scratch directory of its own and its own session.
"""

import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, 'Lib', 'test_subset')
FINDINGS = os.path.join(ROOT, 'target', 'fuzz', 'differential')

# Corpus programs mentioning these are not mutated: a changed argument
# could signal other processes or delete files outside the scratch dir.
RISKY = ('kill', '_exit', 'system(', 'fork', 'rmtree', 'remove', 'unlink',
         'rmdir', 'subprocess', 'Popen', 'spawn', 'exec', 'setsid',
         'chmod', 'chown', 'rename', 'replace(', 'truncate', 'socket',
         'signal', 'abort', 'environ')

# Values spliced over a literal: the edges where implementations differ.
VALUES = ('0', '-1', '1', '2**31', '2**63', '-2**63', '10**20', '10**100',
          '0.0', '-0.0', "float('nan')", "float('inf')", '1e308', "''",
          "'\\x00'", "'a' * 1000", "b''", 'None', 'True', '[]', '()', '{}',
          'set()', 'object()', 'len', 'type', '...')

# Lines spliced in: deep nesting, self-reference, mutation while iterating.
LINES = (
    'x = []; x.append(x); print(repr(x)[:20])',
    'd = {}; d[1] = d; print(repr(d)[:20])',
    'print(eval("(" * 50 + "1" + ")" * 50))',
    'l = list(range(10))\nfor i in l: l.remove(i)',
    'import sys; sys.setrecursionlimit(50)',
    'def g():\n    yield from g()\nlist(g())',
    'class M(type): pass\nclass C(metaclass=M): pass',
    'print(sorted([3, 1, 2], key=lambda v: -v))',
    'try:\n    raise ValueError\nexcept* ValueError:\n    pass',
    'print(f"{1:{2}}")',
)


def mutate(src, rng):
    lines = src.split('\n') or ['']
    for _ in range(1 + rng.randrange(3)):
        i = rng.randrange(len(lines))
        kind = rng.randrange(6)
        if kind == 0 and len(lines) > 1:
            del lines[i]
        elif kind == 1:
            lines.insert(i, lines[i])
        elif kind == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 3:
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip(' '))]
            block = rng.choice(LINES).split('\n')
            lines[i:i] = [indent + b for b in block]
        elif kind == 4:
            lines[i] = replace_literal(lines[i], rng)
        else:
            line = lines[i]
            if line:
                k = rng.randrange(len(line))
                lines[i] = line[:k] + rng.choice('()[]{}:,.=+-*/%\'"\\ 0a#@') + line[k + 1:]
    return '\n'.join(lines)


def replace_literal(line, rng):
    # The first number in the line, if any, becomes an edge value.
    start = None
    for k, c in enumerate(line):
        if c.isdigit() and (k == 0 or not (line[k - 1].isalnum() or line[k - 1] == '_')):
            start = k
            break
    if start is None:
        return line
    end = start
    while end < len(line) and (line[end].isalnum() or line[end] in '._'):
        end += 1
    return line[:start] + '(' + rng.choice(VALUES) + ')' + line[end:]


def limit_memory():
    # Both interpreters run under the same address-space cap, so a huge
    # allocation is a MemoryError (or an rpy abort: a finding) rather
    # than the machine's memory.
    cap = 4 << 30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def run(argv, path, cwd, timeout):
    start = time.monotonic()
    try:
        p = subprocess.run(argv + [path], cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout, start_new_session=True,
                           preexec_fn=limit_memory)
    except subprocess.TimeoutExpired as e:
        return None, (e.stderr or b'').decode('utf-8', 'replace'), timeout
    return p.returncode, p.stderr.decode('utf-8', 'replace'), time.monotonic() - start


def judge(py, rpy, seconds):
    py_rc, _, py_time = py
    rc, err, _ = rpy
    if 'panicked at' in err or 'rpy panicked' in err:
        return 'panic'
    if rc is not None and rc < 0 and not (py_rc is not None and py_rc < 0):
        return 'crash (%s)' % signal.Signals(-rc).name
    if rc is None and py_rc is not None and py_time < seconds / 4:
        return 'hang'
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=200)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--seconds', type=float, default=10.0,
                    help='time limit per program and interpreter')
    ap.add_argument('--rpy', default=os.path.join(ROOT, 'target', 'release', 'rpy'))
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit('the oracle must be CPython 3.11')
    if not os.access(args.rpy, os.X_OK):
        sys.exit('no rpy at %s (cargo build --release -p rpy-cli)' % args.rpy)
    corpus = []
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith('.py'):
            with open(os.path.join(CORPUS, name), encoding='utf-8') as f:
                src = f.read()
            if not any(w in src for w in RISKY):
                corpus.append((name, src))
    rng = random.Random(args.seed)
    findings = 0
    counts = {}
    for n in range(args.runs):
        name, src = rng.choice(corpus)
        program = mutate(src, rng)
        scratch = tempfile.mkdtemp(prefix='rpy-difffuzz-')
        try:
            path = os.path.join(scratch, 'prog.py')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(program)
            py = run([sys.executable, '-I'], path, scratch, args.seconds)
            rp = run([args.rpy, '-I'], path, scratch, args.seconds)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        verdict = judge(py, rp, args.seconds)
        key = verdict or 'same kind of ending'
        counts[key] = counts.get(key, 0) + 1
        if verdict:
            findings += 1
            os.makedirs(FINDINGS, exist_ok=True)
            out = os.path.join(FINDINGS, 'seed%d-run%d.py' % (args.seed, n))
            with open(out, 'w', encoding='utf-8') as f:
                f.write(program)
            print('%s: mutated %s, saved as %s\n%s' % (verdict, name, out,
                  rp[1][-2000:]), flush=True)
    print('%d runs (seed %d, %d corpus programs): %s' % (
        args.runs, args.seed, len(corpus),
        ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
    sys.exit(1 if findings else 0)


if __name__ == '__main__':
    main()
