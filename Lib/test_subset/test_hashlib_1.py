# The native hash modules: known test vectors, incremental updates,
# copies, attributes and CPython's argument errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

VECTORS = [b"", b"abc", b"The quick brown fox jumps over the lazy dog",
           b"a" * 1000, bytes(range(256)) * 3]

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256,
         _sha512.sha384, _sha512.sha512, _sha3.sha3_224, _sha3.sha3_256,
         _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]

for ctor in ctors:
    h = ctor()
    print(h.name, h.digest_size, h.block_size, type(h).__name__,
          type(h).__module__)
    for v in VECTORS:
        print(" ", ctor(v).hexdigest())
    # Incremental updates give the same digest as one update.
    h = ctor()
    for i in range(0, 768, 100):
        h.update(VECTORS[4][i:i + 100])
    h.update(VECTORS[4][768:])
    print("  incremental", h.hexdigest() == ctor(VECTORS[4]).hexdigest())
    # copy() is independent of the original.
    a = ctor(b"abc")
    b = a.copy()
    b.update(b"def")
    print("  copy", a.hexdigest() == ctor(b"abc").hexdigest(),
          b.digest() == ctor(b"abcdef").digest())
    # Other buffers are accepted.
    print("  buffers", ctor(bytearray(b"abc")).digest() == ctor(memoryview(b"xabc")[1:]).digest())

for ctor in [_sha256.sha256, _md5.md5, _sha3.sha3_256, _blake2.blake2b, _sha3.shake_128]:
    for bad in ["text", 1, None, [1]]:
        try:
            ctor(bad)
        except TypeError as e:
            print(type(e).__name__, e)
        try:
            ctor().update(bad)
        except TypeError as e:
            print(type(e).__name__, e)

print(_sha256.sha256(string=b"abc").hexdigest())
print(_md5.md5(b"abc", usedforsecurity=False).hexdigest())
print(_sha3.sha3_256(b"abc", usedforsecurity=False).hexdigest())
for expr in ["_sha256.sha256(b'', b'')", "_sha256.sha256(data=b'')",
             "_sha256.sha256(b'a', string=b'a')", "_sha3.sha3_512(b'', b'')",
             "_sha3.sha3_256(data=b'')", "_sha3.sha3_256(string=b'')",
             "_blake2.blake2b(b'', b'')", "_blake2.blake2b(data=b'')",
             "_blake2.blake2s(foo=1)", "_sha256.sha256().update()",
             "_sha256.sha256().digest(1)", "_md5.MD5Type()",
             "_sha1.SHA1Type", "_sha256.SHA224Type", "_sha512.SHA384Type",
             "type(_sha512.sha384())", "_sha256.SHA256Type"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

print(_sha3.sha3_224()._rate_bits, _sha3.sha3_224()._capacity_bits, _sha3.sha3_224()._suffix)
print(_sha3.shake_256()._rate_bits, _sha3.shake_256()._capacity_bits, _sha3.shake_256()._suffix)
