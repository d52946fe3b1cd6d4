import pkg_rel.sub.leaf as leaf
from pkg_rel import *
from pkg_rel.helpers import shout
import pkg_rel

print(greet("you"), shout("me"), leaf.CHECK, leaf.parent_package())
print(sorted(k for k in dir(pkg_rel) if not k.startswith("__")))
print("helpers" in dir(), leaf.__name__, pkg_rel.sub.leaf is leaf)
print(pkg_rel.__package__, pkg_rel.core.__package__, pkg_rel.sub.__package__)
print(pkg_rel.__file__.endswith("__init__.py"), leaf.__file__.endswith("leaf.py"))
print(hasattr(pkg_rel, "__path__"), hasattr(leaf, "__path__"))
print(type(pkg_rel).__name__, repr(pkg_rel.__spec__.name))
