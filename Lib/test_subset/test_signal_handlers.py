# signal: Python handlers run between instructions; raise_signal and
# pthread_kill deliver at once; timers; SIG_IGN/SIG_DFL; the wakeup fd;
# handler exceptions; SIGINT and KeyboardInterrupt.
import os
import signal
import subprocess
import sys
import threading
import time

got = []

def h(n, f):
    got.append(n)
    print("handler", signal.Signals(n).name, type(f).__name__)

print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.signal(signal.SIGUSR1, h), signal.getsignal(signal.SIGUSR1) is h)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)
signal.signal(signal.SIGUSR2, h)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print("after pthread_kill", got)
signal.pthread_kill(threading.get_ident(), 0)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(100000):
    if len(got) == 3:
        break
    time.sleep(0.001)
print("after os.kill", got)

signal.signal(signal.SIGALRM, h)
print(signal.alarm(0), signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
t = time.time()
while len(got) < 4 and time.time() - t < 5:
    pass
print("timer fired", got)
print(signal.alarm(10), signal.alarm(0))
old = signal.setitimer(signal.ITIMER_REAL, 30, 2)
d, i = signal.getitimer(signal.ITIMER_REAL)
print(old, 29 < d <= 30, i)
print(signal.setitimer(signal.ITIMER_REAL, 0)[1], signal.getitimer(signal.ITIMER_REAL))
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print("ItimerError", e, isinstance(e, OSError))

signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
print("ignored", got, signal.getsignal(signal.SIGUSR1))

r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", e)
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR2)
print(os.read(r, 10), signal.set_wakeup_fd(-1) == w)

def boom(n, f):
    raise ValueError("raised in handler")
signal.signal(signal.SIGUSR1, boom)
try:
    signal.raise_signal(signal.SIGUSR1)
except ValueError as e:
    print("caught", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.pause()
print("after pause", got)

signal.signal(signal.SIGINT, lambda n, f: print("SIGINT handler", n))
signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print("SIGINT ignored")
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")

for bad in (0, signal.NSIG, -1):
    try:
        signal.signal(bad, h)
    except ValueError as e:
        print("ValueError", e)
for n in (signal.SIGKILL, signal.SIGSTOP):
    try:
        signal.signal(n, h)
    except OSError as e:
        print("OSError", e)
try:
    signal.signal(signal.SIGUSR1, 42)
except TypeError as e:
    print("TypeError", e)
print(signal.strsignal(signal.SIGALRM), signal.Signals.SIGTERM, signal.SIGTERM in signal.valid_signals())
signal.siginterrupt(signal.SIGUSR1, True)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR1))

child = (
    "import signal, sys\n"
    "signal.signal(signal.SIGTERM, lambda n, f: (print('term', n), sys.exit(7)))\n"
    "signal.raise_signal(signal.SIGTERM)\n"
)
r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(r.returncode, r.stdout)
child = (
    "import signal\n"
    "signal.signal(signal.SIGTERM, lambda n, f: None)\n"
    "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
    "signal.raise_signal(signal.SIGTERM)\n"
    "print('not reached')\n"
)
r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
child = (
    "import signal, time\n"
    "signal.alarm(1)\n"
    "time.sleep(5)\n"
    "print('not reached')\n"
)
r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
