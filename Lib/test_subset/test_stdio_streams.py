# sys.stdin/stdout/stderr are _io objects: types, attributes, the
# buffer/raw chain, wrapping the buffer, stdin's buffer, detach.
import io
import sys

print(type(sys.stdout).__name__, isinstance(sys.stdout, io.TextIOWrapper))
print(isinstance(sys.stdin, io.TextIOBase), isinstance(sys.stderr, io.IOBase))
print(sys.stdout)
print(sys.stderr)
print(sys.stdin)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(sys.stdout.encoding, sys.stderr.encoding, sys.stdin.encoding)
print(sys.stderr.errors, sys.stderr.line_buffering)
print(sys.stdout.mode, sys.stdin.mode, sys.stdout.newlines)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
print(sys.stdout.isatty(), sys.stdout.name, sys.stdin.name)
raw = sys.stdin.buffer.raw
print(type(sys.stdin.buffer).__name__, type(raw).__name__, raw.name, raw.mode, raw.closefd)
print(type(sys.stdout.buffer.raw).__name__ if hasattr(sys.stdout.buffer, "raw") else "FileIO")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes through the buffer\n")
sys.stdout.buffer.flush()
print("text after bytes", flush=True)
print("a", "b", sep="-", end="!\n", flush=True)
print(sys.stdout.write("written\n"))
sys.stdout.writelines(["one\n", "two\n"])
sys.stdout.flush()
w = io.TextIOWrapper(sys.stdout.buffer, encoding="latin-1", write_through=True)
print(w.encoding, w.errors)
w.write("caf\xe9 via latin-1\n")
w.flush()
w.detach()
print("stdout still open:", not sys.stdout.closed)
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.buffer.read(5)))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    sys.stdin.write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError", e)
sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering)
sys.stdout.reconfigure(line_buffering=False)
sys.stderr.write("to stderr\n")
sys.stderr.flush()
