print("alpha: start")
from . import beta

ALPHA = "alpha-value"


def use_beta():
    return beta.BETA + " seen from alpha"


print("alpha: end")
