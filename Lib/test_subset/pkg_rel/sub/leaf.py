from .. import core
from ..core import greet

MARK = "#"
CHECK = greet is core.greet


def parent_package():
    return __package__
