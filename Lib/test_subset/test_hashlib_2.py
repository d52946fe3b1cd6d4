# SHAKE's variable-length digests and BLAKE2's parameters and messages.
import _sha3, _blake2

for ctor in [_sha3.shake_128, _sha3.shake_256]:
    h = ctor(b"abc")
    print(h.name, h.digest_size, h.block_size)
    print(" ", h.hexdigest(0), h.hexdigest(10), h.digest(3))
    print(" ", ctor().hexdigest(40))
    print(" ", h.hexdigest(200) [:16], len(h.digest(1000)))
    c = h.copy()
    c.update(b"def")
    print(" ", c.hexdigest(8) == ctor(b"abcdef").hexdigest(8), h.hexdigest(8))
    class I:
        def __index__(self):
            return 3
    for bad in [-1, 2 ** 29, 2 ** 64, "x", 1.5, I()]:
        try:
            h.digest(bad)
        except Exception as e:
            print(" ", repr(bad)[:20], type(e).__name__, e)
    for call in ["h.digest()", "h.digest(length=3)", "h.hexdigest()"]:
        try:
            eval(call)
        except TypeError as e:
            print(" ", type(e).__name__, e)
    print(" ", h.digest(True))

B, S = _blake2.blake2b, _blake2.blake2s
print(B(b"a", key=b"k", salt=b"s", person=b"p", fanout=2, depth=3,
        leaf_size=4, node_offset=5, node_depth=6, inner_size=7,
        last_node=True, digest_size=20).hexdigest())
print(S(b"a", key=b"k", salt=b"s", person=b"p", fanout=2, depth=3,
        leaf_size=4, node_offset=5, node_depth=6, inner_size=7,
        last_node=True, digest_size=20).hexdigest())
print(B(key=b"key", digest_size=32).hexdigest())
print(S(b"x" * 200, key=b"k" * 32, salt=b"s" * 8, person=b"p" * 8).hexdigest())
print(B(b"x" * 300, key=b"k" * 64, salt=b"s" * 16, person=b"p" * 16).hexdigest())
print(S(node_offset=2 ** 48 - 1).hexdigest())
print(B(node_offset=2 ** 64 - 1, leaf_size=2 ** 32 - 1).hexdigest())
print(B(digest_size=7).digest_size, S(digest_size=1).hexdigest())
print(B(last_node=[]).hexdigest()[:16], B(last_node=[1]).hexdigest()[:16])
print(B.SALT_SIZE, B.PERSON_SIZE, B.MAX_KEY_SIZE, B.MAX_DIGEST_SIZE)
print(S.SALT_SIZE, S.PERSON_SIZE, S.MAX_KEY_SIZE, S.MAX_DIGEST_SIZE)
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE, _blake2.BLAKE2S_PERSON_SIZE)
h = B(b"abc", digest_size=16)
c = h.copy()
c.update(b"d")
print(h.hexdigest(), c.hexdigest() == B(b"abcd", digest_size=16).hexdigest(), c.digest_size)

for kw in ["digest_size=0", "digest_size=65", "digest_size=2**40", "digest_size='x'",
           "key=b'x'*65", "key='x'", "key=1", "salt=b'x'*17", "salt=None",
           "person=b'x'*17", "fanout=256", "fanout=-1", "depth=0", "depth=256",
           "leaf_size=-1", "leaf_size=2**32", "leaf_size=2**64", "leaf_size='x'",
           "node_offset=-1", "node_offset=2**64", "node_offset='x'",
           "node_depth=256", "node_depth=-1", "inner_size=65", "inner_size=-1",
           "digest_size=0, salt=b'x'*17", "key=b'x'*65, fanout=300"]:
    for name in ["B", "S"]:
        try:
            eval(f"{name}({kw})")
            print(name, kw, "ok")
        except Exception as e:
            print(name, kw, type(e).__name__, e)
for kw in ["key=b'x'*33", "salt=b'x'*9", "person=b'x'*9", "digest_size=33",
           "inner_size=33", "node_offset=2**48"]:
    try:
        S(**eval(f"dict({kw})"))
        print("S", kw, "ok")
    except Exception as e:
        print("S", kw, type(e).__name__, e)
try:
    class X(B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
