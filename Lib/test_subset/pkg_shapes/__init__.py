"""A small package used by the import tests."""
print("pkg_shapes initialised, __name__ =", __name__)

from .circle import Circle
from . import geometry

VERSION = (1, 2)
__all__ = ["Circle", "VERSION"]
