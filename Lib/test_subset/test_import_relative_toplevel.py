# A script is not in a package, so a relative import fails.
print("before the relative import")
from . import _simple_module
print("not reached")
