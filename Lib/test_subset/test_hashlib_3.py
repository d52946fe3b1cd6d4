# CPython's hashlib.py and hmac.py on the native hash modules (no OpenSSL
# `_hashlib`): constructors, new(), file_digest, the pure-Python
# pbkdf2_hmac, and HMAC with names, constructors and modules.
import sys, types
try:
    import _operator
except ImportError:
    # hmac.py takes compare_digest from _operator (not yet in rpy): a
    # stand-in, used only when it is missing.
    m = types.ModuleType('_operator')
    m._compare_digest = lambda a, b: a == b
    sys.modules['_operator'] = m
import hashlib, hmac, io, warnings

print(hashlib.sha256(b'x').hexdigest())
print(hashlib.md5(b'abc').hexdigest(), hashlib.sha1().hexdigest())
print(hashlib.new('md5', b'abc').hexdigest())
print(hashlib.new('SHA256', b'abc').hexdigest())
print(hashlib.new('sha3_256').name, hashlib.new('blake2b', digest_size=8).hexdigest())
print(hashlib.new('shake_128', b'x').hexdigest(12))
print(hashlib.blake2s(b'abc', person=b'me').hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_available >= hashlib.algorithms_guaranteed)
print(hashlib.sha512(b'abc', usedforsecurity=False).hexdigest()[:32])
for name in ['nope', 'sha512_256x']:
    try:
        hashlib.new(name)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    hashlib.sha256('text')
except TypeError as e:
    print(type(e).__name__, e)

print(hashlib.file_digest(io.BytesIO(b'abc' * 100000), 'sha256').hexdigest())
print(hashlib.file_digest(io.BytesIO(b''), hashlib.md5).hexdigest())
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 100, 20).hex())
    print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2).hex())

print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.new(b'key', b'msg', hashlib.md5).hexdigest())
h = hmac.new(b'k' * 200, digestmod='sha3_256')
h.update(b'abc')
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
c = h.copy()
c.update(b'def')
print(c.hexdigest() == hmac.new(b'k' * 200, b'abcdef', 'sha3_256').hexdigest())
print(hmac.new(b'key', b'msg', 'blake2b').hexdigest()[:20])
print(hmac.digest(b'key', b'msg', 'sha1').hex())
print(hmac.digest(b'key', b'msg', hashlib.sha384).hex()[:24])
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'))
try:
    hmac.new(b'key', b'msg')
except TypeError as e:
    print(type(e).__name__, e)
