# An uncaught KeyboardInterrupt prints a traceback and the process dies of SIGINT.
import sys

def main_loop():
    for i in range(5):
        print("tick", i)
        if i == 2:
            raise KeyboardInterrupt
    return "done"

sys.stdout.flush()
try:
    main_loop()
finally:
    print("finally before exit")
