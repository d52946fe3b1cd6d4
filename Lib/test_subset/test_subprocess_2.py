# subprocess (CPython's module on _posixsubprocess and select): run and
# check_output, Popen with several pipes and input, returncodes, error
# messages, timeouts, signals, env/cwd, pass_fds and the exec errors.
import os
import signal
import subprocess
import sys

r = subprocess.run(["sh", "-c", "cat; echo done >&2"], input=b"abc\n", capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "read x; echo got $x; exit 5"], input="hi\n", text=True,
                   stdout=subprocess.PIPE)
print(repr(r.stdout), r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.returncode, e.cmd, repr(e.output))
print(subprocess.check_output("echo $A-$B", shell=True, env={"A": "1", "B": "two"}, text=True), end="")
print(subprocess.check_output(["pwd"], cwd="/tmp"))
print(subprocess.check_output(["sh", "-c", "echo $0"], text=True).strip())
print(subprocess.check_output(["cat"], input=b"x" * 200000).count(b"x"))
# Big outputs on both pipes at once need select: neither may fill.
p = subprocess.Popen(["sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(len(out), len(err), p.returncode)
try:
    subprocess.run(["sleep", "3"], timeout=0.2, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout, e.output, e.stderr)
p = subprocess.Popen(["sh", "-c", "echo partial; sleep 3"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.timeout)
p.terminate()
out, _ = p.communicate()
print(out, p.returncode == -signal.SIGTERM)
p = subprocess.Popen(["sleep", "5"])
print(p.poll())
p.send_signal(signal.SIGINT)
print(p.wait(), p.returncode, p.poll())
child = subprocess.Popen(["sh", "-c", "exit 9"])
pid, status = os.waitpid(child.pid, 0)
print(pid == child.pid)
print(os.waitstatus_to_exitcode(status), os.WIFEXITED(status), os.WEXITSTATUS(status))
for bad in (["_no_such_program_"], ["/nonexistent/prog"], ["/etc/passwd"], ["/tmp"]):
    try:
        subprocess.run(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.run(["ls"], cwd="/_no_such_dir_")
except OSError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["true"], executable="/_no_such_exe_")
except OSError as e:
    print(type(e).__name__, e)
print(subprocess.run(["sh", "-c", "echo $0"], executable="/bin/sh", stdout=subprocess.PIPE).stdout)
print(subprocess.run(["x", "-c", "echo argv0=$0"], executable="sh", stdout=subprocess.PIPE).stdout)
r, w = os.pipe()
subprocess.run(["sh", "-c", f"echo via-fd >&{w}"], pass_fds=[w])
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
print(subprocess.run(["sh", "-c", f"echo x >&{w}"], stderr=subprocess.DEVNULL).returncode != 0)
os.close(r); os.close(w)
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write("line1\nline2\n")
    p.stdin.close()
    print(p.stdout.readlines())
print(p.returncode)
print(subprocess.getstatusoutput("echo a; exit 2"))
print(subprocess.list2cmdline(["a b", 'c"d', "e"]))
try:
    subprocess.check_output(["sh", "-c", "echo err >&2; exit 1"], stderr=subprocess.STDOUT)
except subprocess.CalledProcessError as e:
    print(e, e.output, e.stdout)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:])", "a", "b"],
                     capture_output=True, text=True).stdout, end="")
