# bytearray's in-place operations.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))

b = bytearray(b'hello')
t(lambda: (b.append(33), b))
t(lambda: b.append(256))
t(lambda: b.append('a'))
t(lambda: (b.insert(0, 65), b))
t(lambda: (b.insert(100, 66), b.insert(-100, 67), b))
t(lambda: (b.pop(), b))
t(lambda: (b.pop(0), b))
t(lambda: b.pop(50))
t(lambda: bytearray().pop())
t(lambda: (b.remove(108), b))
t(lambda: b.remove(120))
t(lambda: b.remove(300))
t(lambda: (b.reverse(), b))
c = b.copy()
t(lambda: (c.clear(), c, b))
t(lambda: (b.extend([1, 2]), b))
t(lambda: (b.extend(b'ab'), b))
t(lambda: (b.extend(x for x in range(3)), b))
t(lambda: b.extend(5))
t(lambda: b.extend('ab'))
t(lambda: b.extend([300]))
d = bytearray(b'ab')
d += b'cd'
t(lambda: d)
d *= 2
t(lambda: d)
t(lambda: d.__iadd__('x'))
t(lambda: d.__imul__('x'))
e = bytearray(b'xyzw')
del e[0]
t(lambda: e)
del e[::2]
t(lambda: e)
e[0:1] = b'AB'
t(lambda: e)
t(lambda: e.__setitem__(slice(None, None, 2), b'Q'))
t(lambda: e.__setitem__(0, 300))
e[1] = 90
t(lambda: e)
t(lambda: e.__delitem__(10))
t(lambda: (bytearray(b'a') + b'b', b'a' + bytearray(b'b'), bytearray(b'ab') * 2))
