import sys

data = sys.stdin.read()
print("read", len(data), "chars from stdin")
lines = data.splitlines()
print(lines[:2], lines[-1])
print(sys.stdin.read() == "", sys.stdin.readline() == "")

out = sys.stdout
out.write("text via write\n")
out.writelines(["a\n", "b\n"])
out.flush()
out.buffer.write("bytes via buffer: é\n".encode("utf-8"))
out.buffer.flush()
print("encoding:", out.encoding.lower().replace("-", ""), sys.stderr.encoding.lower().replace("-", ""))
print(hasattr(sys.stdin, "buffer"), hasattr(sys.stderr, "buffer"))
sys.stderr.write("error text\n")
sys.stderr.flush()
sys.stderr.buffer.write(b"error bytes\n")
sys.stderr.buffer.flush()
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)

class Capture:
    def __init__(self):
        self.chunks = []
    def write(self, s):
        self.chunks.append(s)
    def flush(self):
        pass

saved = sys.stdout
sys.stdout = Capture()
print("captured line")
print("second", 2)
captured = sys.stdout.chunks
sys.stdout = saved
print("captured:", captured)
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.fileno(), sys.stderr.fileno())
