import sys

try:
    import extra_mod
except ModuleNotFoundError as e:
    print("before sys.path change:", e)

sys.path.insert(0, "importdata/extra_path")
import extra_mod
print(extra_mod.NAME, extra_mod.where())
print("extra_mod" in sys.modules)

sys.path.pop(0)
del sys.modules["extra_mod"]
try:
    import extra_mod as again
except ModuleNotFoundError as e:
    print("after removing it again:", e)

ModuleType = type(sys)
fake = ModuleType("fake_config")
fake.DEBUG = True
fake.__doc__ = "injected"
sys.modules["fake_config"] = fake
import fake_config
from fake_config import DEBUG
print(fake_config is fake, DEBUG, fake_config.__doc__, fake_config.__name__)

sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
mod = sys.modules[__name__]
print(mod.__name__, hasattr(mod, "fake"))
