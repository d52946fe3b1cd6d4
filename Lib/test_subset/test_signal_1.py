# _signal and CPython's signal.py: constants, the handler table, strsignal,
# valid_signals, and a Python SIGINT handler run in place of KeyboardInterrupt.
import signal, time
# (A parent that ignores SIGINT makes CPython start without its handler.)
signal.signal(signal.SIGINT, signal.default_int_handler)
print(signal.SIGINT, repr(signal.SIGINT), signal.Signals.SIGTERM.value, signal.Handlers.SIG_IGN, signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGTERM))
print(signal.strsignal(2), signal.strsignal(signal.SIGRTMIN), signal.strsignal(32), len(signal.valid_signals()), sorted(signal.valid_signals())[:3])
for f in [lambda: signal.getsignal(0), lambda: signal.strsignal(65), lambda: signal.signal(9, print), lambda: signal.signal(2, 'x'), lambda: signal.default_int_handler(2, None), lambda: signal.getsignal('x')]:
  try: print(repr(f()))
  except BaseException as e: print(type(e).__name__, e)
got = []
def h(n, frame): got.append((n, type(frame).__name__))
old = signal.signal(signal.SIGINT, h)
print(old is signal.default_int_handler, signal.getsignal(signal.SIGINT) is h)
signal.raise_signal(signal.SIGINT)
for i in range(3): pass
print(got)
print(signal.signal(signal.SIGINT, signal.SIG_IGN) is h)
signal.raise_signal(signal.SIGINT)
for i in range(3): pass
print("ignored", signal.getsignal(signal.SIGINT))
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    for i in range(3): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.signal(signal.SIGPIPE, signal.SIG_DFL), signal.getsignal(signal.SIGPIPE))
