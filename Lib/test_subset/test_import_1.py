import sys
import pkg_shapes
import pkg_shapes.geometry.constants as consts
from pkg_shapes import Circle, VERSION
from pkg_shapes.square import Square, describe
from pkg_shapes.geometry import pi_value
import _simple_module
import _simple_module as again

print(Circle(2), Circle(2).area(), VERSION)
print(consts.TAU, pi_value, Square(3).area())
print(describe())
print(pkg_shapes.__name__, pkg_shapes.circle.__name__, pkg_shapes.geometry.__package__)
print(_simple_module.bump(), again.bump(), _simple_module is again)
print("pkg_shapes" in sys.modules, "pkg_shapes.geometry.constants" in sys.modules)
print(sys.modules["pkg_shapes.square"] is pkg_shapes.square)
print(__name__, pkg_shapes.__doc__)

top = __import__("pkg_shapes.circle")
leaf = __import__("pkg_shapes.circle", fromlist=["Circle"])
print(top is pkg_shapes, leaf is pkg_shapes.circle)

try:
    import pkg_shapes.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkg_shapes import nothing_here
except ImportError as e:
    print("ImportError:", e)
try:
    import no_such_top_level_module
except ImportError as e:
    print(type(e).__name__, e)

if __name__ == "__main__":
    print("running as main")
