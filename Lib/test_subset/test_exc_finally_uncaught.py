# An exception raised in `finally` replaces the one in flight (shown as context).
def cleanup():
    raise RuntimeError("cleanup failed")

def work():
    try:
        print("working")
        return {}["missing"]
    finally:
        print("cleaning up")
        cleanup()

work()
