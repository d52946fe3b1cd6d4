# KeyboardInterrupt derives from BaseException, not Exception.
def interrupted():
    raise KeyboardInterrupt

try:
    try:
        interrupted()
    except Exception:
        print("not reached: Exception does not catch KeyboardInterrupt")
except KeyboardInterrupt as e:
    print("caught KeyboardInterrupt", repr(e), isinstance(e, BaseException))

def with_cleanup():
    try:
        interrupted()
    finally:
        print("finally runs during KeyboardInterrupt")

try:
    with_cleanup()
except BaseException as e:
    print("BaseException handler got", type(e).__name__)

try:
    raise KeyboardInterrupt("with message")
except KeyboardInterrupt as e:
    print(e.args, str(e))

for attempt in range(3):
    try:
        if attempt == 1:
            raise KeyboardInterrupt
        print("attempt", attempt, "ok")
    except KeyboardInterrupt:
        print("attempt", attempt, "interrupted; continuing")
