print("beta: start")
from . import alpha

BETA = "beta-value"


def peek_alpha():
    # alpha is only partially initialised while beta is imported.
    return getattr(alpha, "ALPHA", "<not yet defined>")


print("beta: during import alpha.ALPHA =", peek_alpha())
print("beta: end")
