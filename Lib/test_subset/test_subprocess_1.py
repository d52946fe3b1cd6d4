# subprocess: running the interpreter itself and the shell, pipes,
# merged stderr, input, exit statuses and errors.
import subprocess
import sys

r = subprocess.run([sys.executable, "-c", "print('hi from child')"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run([sys.executable, "-c", "import sys; sys.stderr.write('err'); sys.exit(3)"],
                   capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["sh", "-c", "echo out; echo err 1>&2"], stderr=subprocess.STDOUT))
p = subprocess.Popen([sys.executable, "-c", "import sys; data = sys.stdin.read(); print(len(data))"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"x" * 100000)
print(out, err, p.returncode)
try:
    subprocess.check_call(["sh", "-c", "exit 7"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode)
try:
    subprocess.run(["sh", "-c", "exit 2"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e)
print(subprocess.call(["true"]), subprocess.call(["false"]))
print(subprocess.run("echo $((6*7))", shell=True, stdout=subprocess.PIPE, text=True).stdout, end="")
with subprocess.Popen(["sh", "-c", "printf 'a\\nb\\n'"], stdout=subprocess.PIPE) as p:
    print(p.stdout.readline(), p.stdout.read())
print(p.returncode)
print(subprocess.getoutput("echo hello"), subprocess.getstatusoutput("exit 4"))
print(subprocess.run(["echo", "x"], stdout=subprocess.DEVNULL).stdout)
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e)
p.kill()
print(p.wait())
try:
    subprocess.run(["_tmp_no_such_program_"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
print(subprocess.CompletedProcess(["x"], 0, b"o"))
p = subprocess.Popen([sys.executable, "-c", "print('héllo\\r\\nwörld')"], stdout=subprocess.PIPE, text=True)
print(repr(p.stdout.readline()), repr(p.stdout.read())); p.wait()
p = subprocess.Popen(["sh", "-c", "printf 'a\\nb\\nc'"], stdout=subprocess.PIPE)
print(list(p.stdout), p.wait())
with subprocess.Popen(["sh", "-c", "echo e >&2"], stderr=subprocess.PIPE, universal_newlines=True) as p:
    print(repr(p.stderr.read()))
print(p.returncode)
