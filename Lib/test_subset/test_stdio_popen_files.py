# subprocess with file objects for the child's streams: open() files,
# sys.stdout/sys.stderr, raw descriptors, unbuffered files.
import os
import subprocess
import sys
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, "out.txt")
with open(p, "w") as f:
    r = subprocess.run([sys.executable, "-c", "print('child says hi')"], stdout=f)
print(r.returncode, open(p).read(), end="")
with open(p, "w") as f:
    subprocess.run(["sh", "-c", "echo to-err >&2; echo out"], stdout=f, stderr=subprocess.STDOUT)
print(open(p).read(), end="")
with open(p, "rb") as f:
    print(subprocess.run(["cat"], stdin=f, capture_output=True).stdout)
sys.stdout.flush()
subprocess.run(["echo", "via sys.stdout"], stdout=sys.stdout)
f = open(p, "w")
f.write("first\n")
f.flush()
proc = subprocess.Popen(["echo", "popen"], stdout=f)
print(proc.wait())
f.close()
print(open(p).read(), end="")
fd = os.open(p, os.O_WRONLY | os.O_TRUNC)
subprocess.run(["echo", "raw fd"], stdout=fd)
os.close(fd)
print(open(p).read(), end="")
with open(p, "wb", buffering=0) as g:
    subprocess.check_call(["echo", "unbuffered"], stdout=g)
print(open(p).read(), end="")
with open(p, "a") as g:
    subprocess.run(["echo", "appended"], stdout=g)
print(open(p).read(), end="")
os.remove(p)
os.rmdir(d)
