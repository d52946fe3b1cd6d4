"""The extension as a drop-in: its exceptions are binascii's own classes, and
`rpy_base64.install()` / `uninstall()` swap its functions into and out of the
standard `binascii` and `base64` modules."""

import base64
import binascii
import unittest

import _base64
import rpy_base64


class ExceptionClassesTest(unittest.TestCase):
    def test_same_classes(self):
        self.assertIs(_base64.Error, binascii.Error)
        self.assertIs(_base64.Incomplete, binascii.Incomplete)
        self.assertIs(rpy_base64.Error, binascii.Error)

    def test_except_binascii_error_catches(self):
        for call in (lambda: _base64.a2b_base64(b"abc"),
                     lambda: _base64.a2b_hex(b"0"),
                     lambda: _base64.b32decode(b"A"),
                     lambda: _base64.b16decode(b"zz"),
                     lambda: _base64.b64decode(b"a", validate=True)):
            with self.subTest(call=call):
                try:
                    call()
                except binascii.Error as e:
                    self.assertIs(type(e), binascii.Error)
                else:
                    self.fail("no binascii.Error raised")


class InstallTest(unittest.TestCase):
    def tearDown(self):
        rpy_base64.uninstall()

    def test_install_swaps_and_uninstall_restores(self):
        original_a2b = binascii.a2b_base64
        original_b64encode = base64.b64encode
        self.assertIsNot(original_a2b, _base64.a2b_base64)
        self.assertFalse(rpy_base64.installed())
        rpy_base64.install()
        rpy_base64.install()  # a second call changes nothing
        self.assertTrue(rpy_base64.installed())
        self.assertIs(binascii.a2b_base64, _base64.a2b_base64)
        self.assertIs(binascii.crc32, _base64.crc32)
        self.assertIs(base64.b64encode, _base64.b64encode)
        self.assertIs(base64.a85decode, _base64.a85decode)
        # Only names the standard module defines are set.
        self.assertEqual(hasattr(base64, "z85encode"),
                         "z85encode" in rpy_base64._saved["base64"])
        rpy_base64.uninstall()
        self.assertFalse(rpy_base64.installed())
        self.assertIs(binascii.a2b_base64, original_a2b)
        self.assertIs(base64.b64encode, original_b64encode)

    def test_except_binascii_error_after_install(self):
        rpy_base64.install()
        with self.assertRaises(binascii.Error):
            binascii.a2b_base64(b"abc")
        with self.assertRaises(binascii.Error):
            base64.b64decode(b"abc")  # base64 through the swapped binascii
        try:
            base64.b32decode(b"A")
        except binascii.Error:
            pass
        else:
            self.fail("no binascii.Error raised")

    def test_results_after_install(self):
        rpy_base64.install()
        self.assertEqual(base64.b64encode(b"rpy"), b"cnB5")
        self.assertEqual(binascii.hexlify(b"\x01\xff", "-"), b"01-ff")
        self.assertEqual(base64.urlsafe_b64decode("-_8="), b"\xfb\xff")


class VersionTest(unittest.TestCase):
    def test_version(self):
        self.assertIs(rpy_base64.__version__, _base64.__version__)
        parts = rpy_base64.__version__.split(".")
        self.assertEqual(len(parts), 3)
        self.assertTrue(all(p.isdigit() for p in parts))


if __name__ == "__main__":
    unittest.main()
