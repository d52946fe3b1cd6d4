"""Runs CPython's own test_binascii and test_base64, read unchanged from the
installed CPython, after `rpy_base64.install()` has swapped the extension's
functions into the standard `binascii` and `base64` modules.

Refuses to run if those modules' functions are not really the extension's,
so a pass can only be the extension's.
"""

import os
import sys
import unittest

import _base64
import binascii
import rpy_base64

BASE64_CODECS = ("b64encode", "b64decode", "standard_b64encode",
                 "standard_b64decode", "urlsafe_b64encode", "urlsafe_b64decode",
                 "encodebytes", "decodebytes", "b32encode", "b32decode",
                 "b32hexencode", "b32hexdecode", "b16encode", "b16decode",
                 "b85encode", "b85decode", "a85encode", "a85decode")


def check_served_by_extension():
    rpy_base64.install()
    for name in ("a2b_base64", "b2a_base64", "a2b_hex", "b2a_hex", "hexlify",
                 "unhexlify", "a2b_qp", "b2a_qp", "a2b_uu", "b2a_uu",
                 "crc32", "crc_hqx", "Error", "Incomplete"):
        if getattr(binascii, name) is not getattr(_base64, name):
            sys.exit(f"binascii.{name} is not _base64.{name}")
    import base64
    if base64.binascii is not binascii:
        sys.exit("the base64 module imported another binascii")
    for name in BASE64_CODECS:
        if getattr(base64, name) is not getattr(_base64, name):
            sys.exit(f"base64.{name} is not _base64.{name}")
    import test.test_base64
    import test.test_binascii
    for mod in (test.test_base64, test.test_binascii):
        if mod.binascii is not binascii:
            sys.exit(f"{mod.__name__} imported another binascii")
        if not mod.__file__.startswith(os.path.dirname(unittest.__file__).rsplit(os.sep, 1)[0]):
            sys.exit(f"{mod.__name__} is not CPython's: {mod.__file__}")
        print(f"running {mod.__file__}")


def main():
    check_served_by_extension()
    loader = unittest.defaultTestLoader
    suite = loader.loadTestsFromNames(["test.test_binascii", "test.test_base64"])
    result = unittest.TextTestRunner(verbosity=int(os.environ.get("VERBOSE", "1"))).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print(f"cpython-tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
