# except* that raises: the new exception and the unhandled rest leave
# together as ExceptionGroup("", [...]), the new one chained to the part
# its clause handled.
def work():
    raise ExceptionGroup("batch", [ValueError("bad value"), TypeError("bad type"), OSError("io")])

def handle():
    try:
        work()
    except* ValueError as e:
        raise RuntimeError("could not recover") from e
    except* TypeError:
        raise KeyError("replacement")

handle()
