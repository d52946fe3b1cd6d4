# f-strings with nested strings CPython 3.11 accepts, and its errors.
print(f"{'''x'''}")
print(f'''{"""a"""}''')
print(f'''{"""a'b"""}''')
print(f'''{"a'b"}''')
print(f"""{'''a"b'''}""")
print(f'''x{"""a"b"""}y''')
print(f'''{"""a
b"c"""}''')
print(f'''{"""a""" + 'b'}''')
print(f'''{"""a"""!r:>{10}}''')
print(f"{'''x'''!r}")
print(f'''{"""{}"""}''')
print(f'''{"""}"""}''')
print(f'''{"""a"}b"""}''')
print(f'''{r"""a"b"""}''')
print(f'''{b"""a"b"""}''')
print(f'''{"""a"b""".upper()}''')
print(f'''{"""a"b""" !r:>{"""1"0"""[0]}}''')
print(f'''{f'{"""x"""}'}''')
print(f'''{"""a#b"""}''')
print(f'''{'#'}''')
print(f'{3 != 4} {3 == 4} {3 <= 4} {3 >= 4} {3 < 4} {3 > 4}')
print(f'{(lambda: 1)()} {[1, 2][0]} {{literal}} {{{1}}}')
print(f'{"a" if 1 else "b"!s:^5}|')

errors = [
    "rf'''{\"\"\"a\\'b\"\"\"}'''",
    "f'{a#}'",
    "f'{a)}'",
    "f'{a]}'",
    "f'{(a]}'",
    "f'{(a}'",
    "f'{}'",
    "f'{ }'",
    "f'{\\'a\\'}'",
    "f'{a'",
]
for src in errors:
    try:
        compile(src, 'f.py', 'eval')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)
