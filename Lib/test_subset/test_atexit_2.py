# atexit callbacks after an uncaught exception: the traceback first, then
# the callbacks (latest first); their errors (SystemExit too) are printed
# as "Exception ignored in atexit callback" and the status stays 1.
import atexit
import sys

class Cb:
    def __init__(self, what):
        self.what = what
    def __call__(self):
        if self.what == "exit":
            sys.exit(3)
        if self.what == "raise":
            raise RuntimeError("from a callback")
        print("callback", self.what)
    def __repr__(self):
        return f"<Cb {self.what}>"

atexit.register(Cb("one"))
atexit.register(Cb("raise"))
atexit.register(Cb("exit"))
atexit.register(Cb("two"))
print("main program")
raise KeyError("main")
