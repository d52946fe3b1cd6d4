# The options of the standard streams, in children with a controlled
# environment: -u, PYTHONUNBUFFERED, PYTHONIOENCODING, -E, the locale's
# errors handler, stderr's line buffering, the order of unbuffered writes.
import os
import subprocess
import sys

PROBE = (
    "import sys\n"
    "o, e, i = sys.stdout, sys.stderr, sys.stdin\n"
    "print(o.encoding, o.errors, e.errors, i.errors, o.line_buffering, e.line_buffering,"
    " o.write_through, e.write_through, type(o.buffer).__name__, type(e.buffer).__name__,"
    " type(i.buffer).__name__)\n"
)

def run(args, **env):
    base = {k: v for k, v in os.environ.items()
            if not k.startswith("PYTHON") and not k.startswith("LC_") and k != "LANG"}
    base["LC_ALL"] = "C.UTF-8"
    base.update(env)
    for k in [k for k, v in base.items() if v is None]:
        del base[k]
    r = subprocess.run([sys.executable, *args], env=base, capture_output=True, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("latin-1"), r.stderr.decode("latin-1")

def show(label, args, **env):
    code, out, err = run(args, **env)
    print(label, code, repr(out), repr(err))

show("plain", ["-c", PROBE])
show("-u", ["-u", "-c", PROBE])
show("PYTHONUNBUFFERED", ["-c", PROBE], PYTHONUNBUFFERED="1")
show("PYTHONUNBUFFERED empty", ["-c", PROBE], PYTHONUNBUFFERED="")
show("-E ignores env", ["-E", "-c", PROBE], PYTHONUNBUFFERED="1", PYTHONIOENCODING="latin-1")
show("PYTHONIOENCODING", ["-c", PROBE], PYTHONIOENCODING="latin-1")
show("PYTHONIOENCODING errors", ["-c", PROBE], PYTHONIOENCODING="utf-8:replace")
show("PYTHONIOENCODING only errors", ["-c", PROBE], PYTHONIOENCODING=":ignore")
show("C locale", ["-c", PROBE], LC_ALL="C")
show("latin-1 out", ["-c", "print('caf\\xe9')"], PYTHONIOENCODING="latin-1")
show("ascii replace", ["-c", "print('caf\\xe9')"], PYTHONIOENCODING="ascii:replace")
show("ascii strict", ["-c", "print('x'); print('caf\\xe9')"], PYTHONIOENCODING="ascii")
show("stderr backslashreplace", ["-c", "import sys; sys.stderr.write('caf\\xe9\\n')"],
     PYTHONIOENCODING="ascii")
order = "import sys, os\nprint('a')\nos.write(1, b'b\\n')\nprint('c')\n"
show("order buffered", ["-c", order])
show("order -u", ["-u", "-c", order])
show("stderr line buffered", ["-c", "import sys, os\nsys.stderr.write('x\\n')\nos.write(2, b'y\\n')"])
show("flush=True", ["-c", "import os\nprint('p', flush=True)\nos.write(1, b'q\\n')"])
show("buffer write", ["-c", "import sys\nsys.stdout.buffer.write(b'\\xff\\n')"])
show("exit flushes", ["-c", "import sys\nsys.stdout.write('no newline')\nsys.exit(3)"])
show("replaced stdout", ["-c", "import sys, io\nprint('kept')\nsys.stdout = io.StringIO()\nprint('lost')"])
