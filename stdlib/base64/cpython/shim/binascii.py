"""`binascii` served by the `_base64` extension.

Put this directory first on PYTHONPATH to run a program (or CPython's own
test_binascii and test_base64) with `_base64` in place of CPython's C module.
"""

from _base64 import *  # noqa: F401,F403
from _base64 import Error, Incomplete  # noqa: F401
