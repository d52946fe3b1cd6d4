"""`rpy -m unittest test_module ...`: runs the named tests."""

import sys

if sys.argv[0].endswith("__main__.py"):
    # The usage text names the command as it was typed.
    executable = sys.executable.replace('\\', '/').rsplit('/', 1)[-1]
    sys.argv[0] = executable + " -m unittest"

__unittest = True

from .main import main

main(module=None)
