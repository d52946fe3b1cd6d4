"""The argument types `_base64` accepts, as binascii does: any C-contiguous
buffer, ASCII `str` for the decoders; and large inputs, which run with the
GIL released."""

import array
import binascii
import sys
import threading
import time
import unittest

import _base64

ENCODED = b"VGhlIHF1aWNrIGJyb3duIGZveA=="
RAW = b"The quick brown fox"


class BufferTypes(unittest.TestCase):
    def test_every_buffer_kind_decodes(self):
        for value in (ENCODED, bytearray(ENCODED), memoryview(ENCODED),
                      memoryview(bytearray(ENCODED)), array.array("B", ENCODED),
                      array.array("b", ENCODED), ENCODED.decode("ascii"),
                      memoryview(ENCODED).cast("B", (4, 7))):
            self.assertEqual(_base64.a2b_base64(value), RAW, type(value))

    def test_every_buffer_kind_encodes(self):
        expected = binascii.b2a_base64(RAW)
        for value in (RAW, bytearray(RAW), memoryview(RAW), array.array("B", RAW),
                      memoryview(RAW)[3:], memoryview(RAW).cast("c")):
            self.assertEqual(_base64.b2a_base64(value), binascii.b2a_base64(value), type(value))
        self.assertEqual(_base64.b2a_base64(RAW), expected)

    def test_multibyte_items_are_read_as_raw_bytes(self):
        for typecode in "hHiIlLqQfd":
            value = array.array(typecode, range(5))
            self.assertEqual(_base64.b2a_hex(value), binascii.b2a_hex(value), typecode)
            self.assertEqual(_base64.crc32(value), binascii.crc32(value), typecode)

    def test_non_contiguous(self):
        view = memoryview(bytearray(b"noncontig"))[::-2]
        with self.assertRaisesRegex(BufferError, "^memoryview: underlying buffer is not C-contiguous$"):
            _base64.b2a_hex(view)
        with self.assertRaisesRegex(BufferError, "C-contiguous"):
            _base64.crc32(view)
        with self.assertRaisesRegex(TypeError, "^argument should be bytes, buffer or ASCII string, not 'memoryview'$"):
            _base64.a2b_base64(view)

    def test_str(self):
        self.assertEqual(_base64.a2b_hex("6162"), b"ab")
        for text in ("\x80", "abc\xe9", "\u20ac", "\ud800", "YWI=\U0001F600"):
            with self.assertRaisesRegex(ValueError, "^string argument should contain only ASCII characters$"):
                _base64.a2b_base64(text)
        with self.assertRaisesRegex(TypeError, "^a bytes-like object is required, not 'str'$"):
            _base64.b2a_base64("abc")

    def test_subclasses(self):
        class B(bytes):
            pass

        class S(str):
            pass

        class BA(bytearray):
            pass

        self.assertEqual(_base64.a2b_base64(B(ENCODED)), RAW)
        self.assertEqual(_base64.a2b_base64(S(ENCODED.decode())), RAW)
        self.assertEqual(_base64.a2b_base64(BA(ENCODED)), RAW)

    def test_result_is_exact_bytes(self):
        for func, arg in ((_base64.b2a_base64, RAW), (_base64.a2b_base64, ENCODED),
                          (_base64.b2a_hex, RAW), (_base64.b32encode, RAW),
                          (_base64.a85encode, RAW), (_base64.a2b_base64, b"YW\nI=")):
            out = func(arg)
            self.assertIs(type(out), bytes)


class LargeInputs(unittest.TestCase):
    """Inputs above the GIL-release threshold (64 KiB) and their results."""

    def test_large_matches_binascii(self):
        data = bytes(range(256)) * 1024 + b"tail"
        enc = binascii.b2a_base64(data)
        self.assertEqual(_base64.b2a_base64(data), enc)
        self.assertEqual(_base64.a2b_base64(enc), data)
        self.assertEqual(_base64.a2b_base64(enc[:-1], strict_mode=True), data)
        with self.assertRaisesRegex(_base64.Error, "^Excess data after padding$"):
            _base64.a2b_base64(enc, strict_mode=True)  # the newline
        self.assertEqual(_base64.a2b_base64(bytearray(enc)), data)
        self.assertEqual(_base64.a2b_base64(enc.decode("ascii")), data)
        self.assertEqual(_base64.hexlify(data), binascii.hexlify(data))
        self.assertEqual(_base64.unhexlify(binascii.hexlify(data)), data)
        self.assertEqual(_base64.crc32(data), binascii.crc32(data))
        self.assertEqual(_base64.crc_hqx(data, 7), binascii.crc_hqx(data, 7))
        self.assertEqual(_base64.b2a_qp(data), binascii.b2a_qp(data))
        noisy = enc.replace(b"A", b"A\n")
        self.assertEqual(_base64.a2b_base64(noisy), binascii.a2b_base64(noisy))
        # One data character too many (CPython: binascii.Error).
        with self.assertRaisesRegex(_base64.Error, "cannot be 1 more than a multiple of 4"):
            _base64.a2b_base64(enc[:-5] + b"A")

    def progress_during(self, func, arg):
        """Whether another thread ran while func(arg) executed. With a huge
        switch interval the GIL only changes hands when a thread gives it
        up, and the spinner gives it up at every turn (time.sleep(0)): so it
        can only advance while func itself runs without the GIL."""
        stop = threading.Event()
        ticks = [0]

        def spin():
            while not stop.is_set():
                ticks[0] += 1
                time.sleep(0)

        old = sys.getswitchinterval()
        sys.setswitchinterval(1000.0)
        thread = threading.Thread(target=spin)
        try:
            thread.start()
            while ticks[0] == 0:
                time.sleep(0.001)
            before = ticks[0]
            func(arg)
            after = ticks[0]
        finally:
            stop.set()
            thread.join()
            sys.setswitchinterval(old)
        return after > before

    def test_other_threads_run_during_large_calls(self):
        data = bytes(range(256)) * (1 << 16)  # 16 MiB
        enc = binascii.b2a_base64(data)
        # The method is sensitive: CPython's binascii keeps the GIL.
        self.assertFalse(self.progress_during(binascii.a2b_base64, enc))
        self.assertTrue(self.progress_during(_base64.a2b_base64, enc))
        self.assertTrue(self.progress_during(_base64.b2a_base64, data))
        self.assertTrue(self.progress_during(_base64.b2a_hex, data))
        self.assertTrue(self.progress_during(_base64.crc32, data))
        self.assertTrue(self.progress_during(_base64.b32encode, data))
        # Small inputs keep the GIL: releasing it would cost more than the work.
        self.assertFalse(self.progress_during(_base64.a2b_base64, enc[:1000]))

if __name__ == "__main__":
    unittest.main()
