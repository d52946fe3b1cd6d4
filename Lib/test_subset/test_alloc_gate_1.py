# Sizes decided by the program: impossible ones are MemoryError or
# OverflowError at once, never a crash or an endless loop.
import os

def t(f):
    try:
        r = f()
        print(repr(r)[:60])
    except (MemoryError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)

t(lambda: (1).to_bytes(10**12, 'big'))
t(lambda: (1).to_bytes(10**30, 'big'))
t(lambda: '%1000000000000d' % 1)
t(lambda: b'%1000000000000d' % 1)
t(lambda: '%.1000000000000d' % 1)
t(lambda: os.urandom(10**12))
t(lambda: '' * (2**63 - 1))
t(lambda: [] * (2**63 - 1))
t(lambda: b'' * 2**62)
t(lambda: () * 2**62)
t(lambda: bytearray() * 2**62)
t(lambda: bytes(range(256, 10**20)))
t(lambda: list(range(10**20)))
t(lambda: tuple(range(10**20)))
t(lambda: bytearray(range(10**20)))
t(lambda: list(range(0, 10**20, 10**19)))
t(lambda: 1 << 2**40)
t(lambda: 'a\tb'.expandtabs(2**62))
t(lambda: 'x' * 2**62)
t(lambda: [0] * 2**62)
t(lambda: bytearray(2**62))
