from .core import greet as _greet
from .sub import leaf


def shout(name):
    return _greet(name).upper() + "!" + leaf.MARK
