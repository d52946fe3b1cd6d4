"""rpy's `test` package. `test.support` is rpy's own; the test modules
themselves (test_base64, test_binascii, ...) are CPython's, read unchanged
from the CPython installed on this machine and never copied here: this
package's path also lists that CPython's `test` directory.

The directory is `$RPY_CPYTHON_TESTS` if set, else asked of `python3`
(`-I`: it must not find this package instead of its own).
"""

import os


def _cpython_test_dir():
    given = os.environ.get('RPY_CPYTHON_TESTS')
    if given:
        return given
    try:
        import subprocess
        done = subprocess.run(
            ['python3', '-I', '-c',
             'import os, test; print(os.path.dirname(test.__file__))'],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


_dir = _cpython_test_dir()
if _dir and _dir not in __path__:
    __path__.append(_dir)
del _dir
