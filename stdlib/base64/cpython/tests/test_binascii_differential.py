"""`_base64`'s binascii functions against CPython's `binascii`: same results,
same exception types and messages, over many random and edge-case inputs."""

import array
import binascii
import inspect
import unittest

import _base64
from oracle import B64, outcome, outcome_type_only, mutate, random_bytes, rng_for

ROUNDS = 1500

FUNCTIONS = ["a2b_base64", "b2a_base64", "a2b_hex", "b2a_hex", "hexlify", "unhexlify",
             "a2b_qp", "b2a_qp", "a2b_uu", "b2a_uu", "crc32", "crc_hqx"]


class Differential(unittest.TestCase):
    def same(self, name, *args, **kwargs):
        ref = outcome(getattr(binascii, name), *args, **kwargs)
        ours = outcome(getattr(_base64, name), *args, **kwargs)
        self.assertEqual(ref, ours, f"{name}(*{args!r}, **{kwargs!r})")
        return ref

    def test_exports(self):
        for name in FUNCTIONS:
            self.assertTrue(callable(getattr(_base64, name)), name)
        self.assertTrue(issubclass(_base64.Error, ValueError))
        self.assertTrue(issubclass(_base64.Incomplete, Exception))
        self.assertFalse(issubclass(_base64.Incomplete, ValueError))
        self.assertIs(_base64.Error, binascii.Error)
        self.assertIs(_base64.Incomplete, binascii.Incomplete)

    def test_signatures(self):
        for name in FUNCTIONS:
            ref = getattr(binascii, name).__text_signature__
            ours = getattr(_base64, name).__text_signature__
            # CPython's carries the "$module" marker for the bound module
            # (and a "/" after it where every parameter takes a keyword).
            ref = ref.replace("($module, /, ", "(").replace("($module, ", "(")
            self.assertEqual(ref, ours, name)

    def test_base64_roundtrip_and_errors(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            for newline in (True, False):
                enc = self.same("b2a_base64", data, newline=newline)[2]
            self.assertIsInstance(enc, bytes)
            for strict in (False, True):
                self.same("a2b_base64", enc, strict_mode=strict)
                self.same("a2b_base64", mutate(rng, enc, B64), strict_mode=strict)
            self.same("a2b_base64", mutate(rng, enc, B64).decode("latin-1"))

    def test_base64_edges(self):
        cases = [b"", b"=", b"==", b"===", b"====", b"a", b"ab", b"abc", b"abcd",
                 b"ab==", b"ab=", b"ab===", b"ab==a", b"abc=", b"abc==", b"a=b=",
                 b"ab=c=", b"\nab==", b"ab==\n", b"abcd=", b"abcd==", b" abcd",
                 b"abcd ", b"ab\x00cd", b"A" * 5, b"A" * 349, b"A\tB\nC ??DE",
                 b"YWJj\nZGVm\n", b"YQ==YQ==", b"YQ=\n=", b"Y" + b"\xff" * 3 + b"Q=="]
        for c in cases:
            for strict in (False, True):
                self.same("a2b_base64", c, strict_mode=strict)

    def test_hex(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            for name in ("b2a_hex", "hexlify"):
                enc = self.same(name, data)[2]
                for sep in (":", b"-", " ", "\xe9", b"\xff"):
                    for per in (1, 2, 3, -1, -2, 0, 7, 100, -100):
                        self.same(name, data, sep, per)
                        self.same(name, data, sep=sep, bytes_per_sep=per)
            for name in ("a2b_hex", "unhexlify"):
                self.same(name, enc)
                self.same(name, enc.upper())
                self.same(name, mutate(rng, enc, b"0123456789abcdefABCDEF"))
                self.same(name, enc.decode("ascii"))

    def test_hex_separator_errors(self):
        for sep in ("", "::", b"", b"ab", "\u0100", "\ud800", "\U0001F600", 1, None,
                    [1], [], (), bytearray(b":"), memoryview(b":"), 1.5):
            self.same("b2a_hex", b"abc", sep)
            self.same("hexlify", b"", sep)
        for per in (1.0, "1", 2 ** 31, -(2 ** 31) - 1, 2 ** 100, None, True):
            self.same("b2a_hex", b"abcdef", ":", per)
            self.same("b2a_hex", b"abcdef", bytes_per_sep=per)

    def test_qp(self):
        rng = rng_for(self)
        alphabet = b"abc =\t\r\n_.\x00\xff0123456789ABCDEF"
        for _ in range(ROUNDS):
            n = rng.randrange(0, 200)
            data = bytes(rng.choice(alphabet) for _ in range(n))
            for quotetabs in (False, True):
                for istext in (True, False):
                    for header in (False, True):
                        enc = self.same("b2a_qp", data, quotetabs, istext, header)[2]
                        self.same("a2b_qp", enc, header)
            self.same("a2b_qp", data)
            self.same("a2b_qp", data, header=True)
            self.same("a2b_qp", data.decode("latin-1"))

    def test_qp_long_lines(self):
        rng = rng_for(self)
        for _ in range(300):
            n = rng.randrange(60, 400)
            data = bytes(rng.choice(b"x \t.=\r\n\xff") for _ in range(n))
            for quotetabs in (False, True):
                for istext in (True, False):
                    self.same("b2a_qp", data, quotetabs=quotetabs, istext=istext)

    def test_uu(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng, 60)
            for backtick in (False, True):
                enc = self.same("b2a_uu", data, backtick=backtick)[2]
                if isinstance(enc, bytes):
                    self.same("a2b_uu", enc)
                    self.same("a2b_uu", mutate(rng, enc, bytes(range(32, 97))))
                    self.same("a2b_uu", enc.rstrip(b"\n"))
            self.same("a2b_uu", bytes(rng.randrange(256) for _ in range(rng.randrange(70))))

    def test_crc(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng, 300)
            crc = rng.choice([0, 1, -1, 0xFFFF, 0x12345, 2 ** 32 - 1, 2 ** 32, 2 ** 70 + 5,
                              -(2 ** 70), rng.randrange(-2 ** 40, 2 ** 40)])
            self.same("crc32", data)
            self.same("crc32", data, crc)
            self.same("crc_hqx", data, crc)
        for bad in (1.0, "1", None, b"1"):
            self.same("crc32", b"abc", bad)
            self.same("crc_hqx", b"abc", bad)
        self.same("crc32", b"abc", True)

    def test_flag_arguments(self):
        for value in (0, 1, 2, -1, True, False, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1,
                      2 ** 100, 1.0, "1", None, [], b""):
            self.same("b2a_base64", b"ab", newline=value)
            self.same("a2b_base64", b"ab==", strict_mode=value)
            self.same("b2a_uu", b"ab", backtick=value)
            self.same("a2b_qp", b"a_b", value)
            self.same("b2a_qp", b"a b\t\n", value)
            self.same("b2a_qp", b"a b\t\n", istext=value)
            self.same("b2a_qp", b"a b\t\n", header=value)

    def test_data_argument_types(self):
        noncontig = memoryview(bytearray(b"YWJjZGVm"))[::2]
        values = [1, 1.5, None, [], [1], "abc", "YWI=", "\x80", "\xe9", "\u20ac", "\ud800",
                  b"YWI=", bytearray(b"YWI="), memoryview(b"YWI="), array.array("B", b"YWI="),
                  array.array("I", [0x3d495759]), memoryview(b"YWI=").cast("B", (2, 2)),
                  noncontig, object()]
        for value in values:
            for name in FUNCTIONS:
                if name == "crc_hqx":
                    self.same(name, value, 0)
                else:
                    self.same(name, value)

    def test_argument_counts(self):
        calls = [(), (b"",) * 2, (b"",) * 3, (b"",) * 4, (b"",) * 5]
        for name in FUNCTIONS:
            for args in calls:
                self.same(name, *args)
        self.same("b2a_base64", b"", b"", newline=True)
        self.same("b2a_base64", newline=True)
        self.same("a2b_base64", strict_mode=True)
        self.same("b2a_uu", backtick=True)
        self.same("b2a_qp", quotetabs=True)
        self.same("b2a_hex", sep=":")

    def test_keyword_misuse_is_type_error(self):
        # Same exception type; PyO3 words these messages its own way.
        calls = [("a2b_base64", (), {"data": b""}), ("b2a_base64", (b"",), {"foo": 1}),
                 ("crc32", (b"",), {"crc": 0}), ("a2b_hex", (), {"hexstr": b""}),
                 ("b2a_qp", (b"",), {"data": b""}), ("a2b_qp", (b"",), {"foo": 1}),
                 ("b2a_hex", (b"", ":"), {"sep": ":"}), ("a2b_uu", (b"",), {"x": 1})]
        for name, args, kwargs in calls:
            ref = outcome_type_only(getattr(binascii, name), *args, **kwargs)
            ours = outcome_type_only(getattr(_base64, name), *args, **kwargs)
            self.assertEqual(ref, ours, name)
            self.assertEqual(ref, ("raises", "TypeError"))

    def test_keywords_by_name(self):
        self.same("b2a_qp", data=b"a b\n", quotetabs=True, istext=False, header=True)
        self.same("a2b_qp", data=b"a_b", header=True)
        self.same("b2a_hex", data=b"abc", sep=b":", bytes_per_sep=2)
        self.same("hexlify", data=b"abc", bytes_per_sep=2)

    def test_inspect_signature(self):
        for name in FUNCTIONS:
            try:
                ref = str(inspect.signature(getattr(binascii, name)))
            except ValueError:
                continue  # b2a_hex/hexlify: "<unrepresentable>" default
            self.assertEqual(ref, str(inspect.signature(getattr(_base64, name))), name)


if __name__ == "__main__":
    unittest.main()
