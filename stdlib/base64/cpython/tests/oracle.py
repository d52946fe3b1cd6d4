"""Shared helpers of the differential tests: run a call on CPython's module
and on `_base64`, and reduce each to a comparable outcome (the value, or the
exception's kind and message)."""

import binascii
import random
import zlib

import _base64


def kind(exc):
    """Exception type name, with both modules' Error/Incomplete made equal."""
    t = type(exc)
    if t in (binascii.Error, _base64.Error):
        return "binascii.Error"
    if t in (binascii.Incomplete, _base64.Incomplete):
        return "binascii.Incomplete"
    return t.__name__


def outcome(func, *args, **kwargs):
    try:
        value = func(*args, **kwargs)
    except Exception as exc:  # the point is to compare any exception
        return ("raises", kind(exc), str(exc))
    return ("returns", type(value).__name__, value)


def outcome_type_only(func, *args, **kwargs):
    result = outcome(func, *args, **kwargs)
    return result[:2]


B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
B32HEX = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"
B85 = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
       b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
A85 = bytes(range(33, 118))
NOISE = b" \t\r\n\x0b\x0c=~<>zy_-.:\x00\x7f\x80\xff!\"'(),;@[\\]^`{|}"


def random_bytes(rng, max_len=80):
    n = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, rng.randrange(max_len + 1)])
    pick = rng.random()
    if pick < 0.15:
        return bytes(rng.choice(b" \x00\xff") for _ in range(n))
    return rng.randbytes(n)


def mutate(rng, data, alphabet):
    """A copy of `data` with a few random edits that keep it near-valid."""
    data = bytearray(data)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.3:
            data[pos:pos] = bytes([rng.choice(NOISE)])
        elif op < 0.5 and data:
            del data[min(pos, len(data) - 1)]
        elif op < 0.7:
            data[pos:pos] = bytes([rng.choice(alphabet)])
        elif op < 0.8:
            data[pos:pos] = b"=" * rng.randrange(1, 4)
        elif op < 0.9 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        else:
            data = data[:pos]
    return bytes(data)


def rng_for(test):
    """A random generator seeded per test, so failures replay."""
    return random.Random(zlib.crc32(test.id().encode()))
