# atexit callbacks run on sys.exit too, and may use modules and globals.
import atexit
import sys

state = {"n": 0}

def count(step):
    state["n"] += step
    print("count", state["n"])

atexit.register(count, 1)
atexit.register(count, step=10)
print("exiting")
sys.exit(4)
