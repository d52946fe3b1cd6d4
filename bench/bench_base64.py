"""base64/binascii: many small calls (call overhead) and a few large
buffers (codec throughput), over Base64, hex, Base32, Ascii85 and CRC-32."""
import base64
import binascii


def small(n):
    total = 0
    data = b"The quick brown fox jumps over the lazy dog"
    for i in range(n):
        enc = base64.b64encode(data)
        total += len(base64.b64decode(enc))
        total += len(binascii.hexlify(data))
        total += binascii.crc32(data, i) & 1
    return total


def large(rounds):
    blob = bytes(range(256)) * 4096  # 1 MiB
    total = 0
    for _ in range(rounds):
        enc = base64.b64encode(blob)
        total += len(base64.b64decode(enc, validate=True))
        total += len(binascii.unhexlify(binascii.hexlify(blob)))
        total += len(base64.b32decode(base64.b32encode(blob)))
        total += len(base64.a85decode(base64.a85encode(blob)))
        total += binascii.crc32(blob) & 0xFF
    return total


print(small(200000), large(3))
