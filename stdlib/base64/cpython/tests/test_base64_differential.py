"""`_base64`'s `base64`-module codecs against CPython 3.11's `base64` module
(running on CPython's own binascii): same results, same exception types and
messages, over many random and edge-case inputs."""

import array
import base64
import inspect
import unittest

import _base64
from oracle import A85, B32, B32HEX, B64, B85, mutate, outcome, random_bytes, rng_for

ROUNDS = 1000

FUNCTIONS = ["b64encode", "b64decode", "standard_b64encode", "standard_b64decode",
             "urlsafe_b64encode", "urlsafe_b64decode", "b32encode", "b32decode",
             "b32hexencode", "b32hexdecode", "b16encode", "b16decode", "b85encode",
             "b85decode", "a85encode", "a85decode", "encodebytes", "decodebytes"]


class Differential(unittest.TestCase):
    def same(self, name, *args, **kwargs):
        ref = outcome(getattr(base64, name), *args, **kwargs)
        ours = outcome(getattr(_base64, name), *args, **kwargs)
        self.assertEqual(ref, ours, f"{name}(*{args!r}, **{kwargs!r})")
        return ref

    def test_signatures(self):
        for name in FUNCTIONS:
            ref = inspect.signature(getattr(base64, name))
            ours = inspect.signature(getattr(_base64, name))
            self.assertEqual(str(ref), str(ours), name)

    def test_b64(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            enc = self.same("b64encode", data)[2]
            self.same("standard_b64encode", data)
            uenc = self.same("urlsafe_b64encode", data)[2]
            for alt in (b"-_", b"*!", b"+/", b"/+"):
                self.same("b64encode", data, alt)
            noisy = mutate(rng, enc, B64)
            for validate in (False, True):
                self.same("b64decode", enc, validate=validate)
                self.same("b64decode", noisy, None, validate)
                self.same("b64decode", noisy.replace(b"+", b"-"), b"-_", validate)
            self.same("standard_b64decode", noisy)
            self.same("urlsafe_b64decode", uenc)
            self.same("urlsafe_b64decode", mutate(rng, uenc, B64))
            self.same("b64decode", noisy.decode("latin-1"))

    def test_b64_arguments(self):
        for alt in (b"", b"-", b"-_=", "-_", 1, None, bytearray(b"-_"), memoryview(b"-_"), [1, 2]):
            self.same("b64encode", b"\xfb\xff", alt)
            self.same("b64decode", b"-_-_", alt)
            self.same("b64encode", "x", alt)
        for s in ("YWI=", "\xe9", 1, None, memoryview(bytearray(b"YWI="))[::2],
                  array.array("B", b"YWI="), bytearray(b"YWI=")):
            for name in FUNCTIONS:
                if "decode" in name or "encode" in name:
                    self.same(name, s)
        for validate in (1, 0, 2.0, "x", None, [], 2 ** 40):
            self.same("b64decode", b"YWI=", validate=validate)
            self.same("b64decode", b"YW\nI=", None, validate)

    def test_b32(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            enc = self.same("b32encode", data)[2]
            henc = self.same("b32hexencode", data)[2]
            self.same("b32decode", enc)
            self.same("b32hexdecode", henc)
            self.same("b32decode", mutate(rng, enc, B32))
            self.same("b32hexdecode", mutate(rng, henc, B32HEX))
            self.same("b32decode", enc.lower(), True)
            self.same("b32decode", enc.lower())
            self.same("b32hexdecode", henc.lower(), casefold=True)
            mapped = enc.replace(b"O", b"0").replace(b"L", b"1")
            self.same("b32decode", mapped, map01=b"L")
            self.same("b32decode", mapped.replace(b"I", b"1"), False, "I")
            self.same("b32decode", enc.decode("ascii"))

    def test_b32_edges(self):
        for s in (b"", b"=" * 8, b"A=======", b"AA======", b"AAA=====", b"AAAA====", b"AAAAA===",
                  b"AAAAAA==", b"AAAAAAA=", b"AAAAAAAA", b"AA=AAAAA", b"me======", b"ME======",
                  b"AAAAAAAA" + b"=" * 8, b"AAAAAAA=========", b"01234567", b"a", b"\xff" * 8):
            self.same("b32decode", s)
            self.same("b32hexdecode", s)
            self.same("b32decode", s, True, b"L")
        for m in (b"", b"LL", "L", 1, None, bytearray(b"I"), "\xe9"):
            self.same("b32decode", b"01AAAAAA", map01=m)
        for flag in (0, 1, "", "x", None, [], [0], 2.5):
            self.same("b32decode", b"mzxw6===", casefold=flag)
            self.same("b16decode", b"abcd", casefold=flag)

    def test_b16(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            enc = self.same("b16encode", data)[2]
            self.same("b16decode", enc)
            self.same("b16decode", enc.lower())
            self.same("b16decode", enc.lower(), True)
            self.same("b16decode", mutate(rng, enc, b"0123456789ABCDEFabcdef"))
            self.same("b16decode", enc.decode("ascii"))

    def test_b85(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            for pad in (False, True, 0, 1, "", "x"):
                enc = self.same("b85encode", data, pad)[2]
            self.same("b85decode", enc)
            self.same("b85decode", mutate(rng, enc, B85))
            self.same("b85decode", enc.decode("ascii"))
        for s in (b"|NsC0", b"|NsC1", b"~~~~~", b"{{{{{", b"0", b"00", b"~", b"|NsC", b"}}}}}}"):
            self.same("b85decode", s)

    def test_a85(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            if rng.random() < 0.3:
                data = data.replace(b"\xff", b"    ").replace(b"\x00", b"\0\0\0\0")
            options = dict(foldspaces=rng.random() < 0.5, pad=rng.random() < 0.5,
                           adobe=rng.random() < 0.5,
                           wrapcol=rng.choice([0, 0, 1, 2, 3, 5, 10, 76, -3]))
            enc = self.same("a85encode", data, **options)[2]
            dec_options = dict(foldspaces=options["foldspaces"], adobe=options["adobe"])
            self.same("a85decode", enc, **dec_options)
            self.same("a85decode", mutate(rng, enc, A85), **dec_options)
            self.same("a85decode", enc, ignorechars=b"\n")
            self.same("a85decode", enc.decode("ascii"), **dec_options)

    def test_a85_edges(self):
        cases = [b"", b"z", b"zz", b"y", b"!z", b"!y", b"s8W-\"", b"s8W-!", b"uuuuu", b"s8W-#",
                 b"<~~>", b"<~", b"~>", b"<~!!~>", b"!!!!!!~>", b"  \t\n", b"!", b"!!", b"!!!",
                 b"!!!!", b"\x00", b"{", b"~", b"<~z~>", b"<~ ~>"]
        for c in cases:
            for foldspaces in (False, True):
                for adobe in (False, True):
                    self.same("a85decode", c, foldspaces=foldspaces, adobe=adobe)
        for ign in (b"", b" ", bytearray(b"\n"), memoryview(b"\t")):
            self.same("a85decode", b"!! !!\n!\t", ignorechars=ign)
        for wrapcol in (0, 1, 2, -1, True, 2 ** 70, 7):
            for adobe in (False, True):
                self.same("a85encode", b"hello world, hello world", wrapcol=wrapcol, adobe=adobe)

    def test_encodebytes(self):
        rng = rng_for(self)
        for _ in range(200):
            data = random_bytes(rng, 300)
            enc = self.same("encodebytes", data)[2]
            self.same("decodebytes", enc)
            self.same("decodebytes", mutate(rng, enc, B64))
        for s in ("abc", 1, None, array.array("I", [1]), memoryview(b"abcd").cast("B", (2, 2)),
                  bytearray(b"abc"), memoryview(b"abc"), array.array("b", b"abc"),
                  memoryview(bytearray(b"abcdef"))[::2], memoryview(bytearray(b""))[::2]):
            self.same("encodebytes", s)
            self.same("decodebytes", s)

    def test_argument_errors(self):
        calls = [(), (b"",) * 2, (b"",) * 4]
        for name in FUNCTIONS:
            for args in calls:
                self.same(name, *args)
            self.same(name, b"", foo=1)
        self.same("b64encode", b"", s=b"")
        self.same("a85encode", b"", b=b"")
        self.same("b64encode", s=b"abc")
        self.same("b85encode", b=b"abc", pad=True)


class Z85(unittest.TestCase):
    """z85 is not in CPython 3.11 (3.13 added it): checked against the
    ZeroMQ Z85 specification's example and by round trips."""

    def test_spec_example(self):
        data = bytes([0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B])
        self.assertEqual(_base64.z85encode(data), b"HelloWorld")
        self.assertEqual(_base64.z85decode(b"HelloWorld"), data)
        self.assertEqual(_base64.z85decode("HelloWorld"), data)

    def test_roundtrip(self):
        rng = rng_for(self)
        for _ in range(ROUNDS):
            data = random_bytes(rng)
            self.assertEqual(_base64.z85decode(_base64.z85encode(data)), data)

    def test_errors(self):
        with self.assertRaises(ValueError):
            _base64.z85decode(b"Hello\x00orld")
        with self.assertRaises(ValueError):
            _base64.z85decode("\xe9")
        with self.assertRaises(TypeError):
            _base64.z85encode("text")


if __name__ == "__main__":
    unittest.main()
