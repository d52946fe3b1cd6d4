table = str.maketrans("abc", "ABC")
print("aabbcc-xyz".translate(table), table)
print("hello world".translate(str.maketrans("", "", "lo")))
print("hello".translate({ord("h"): "J", ord("o"): None, ord("l"): "L"}))
print("1-2-3".translate(str.maketrans({"-": " + "})))
print("abc".translate({97: 120}))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans({"ab": "x"})
except ValueError as e:
    print("ValueError:", e)
rot13 = str.maketrans("ABCDEFGHIJKLMabcdefghijklmNOPQRSTUVWXYZnopqrstuvwxyz",
                      "NOPQRSTUVWXYZnopqrstuvwxyzABCDEFGHIJKLMabcdefghijklm")
secret = "Hello, World!".translate(rot13)
print(secret, secret.translate(rot13))

s = "naïve café ✓ 日本"
for enc in ("utf-8", "utf-16-le", "latin-1", "ascii"):
    for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e.reason, e.start, e.end)
data = s.encode("utf-8")
print(len(s), len(data), data.decode("utf-8") == s, data.decode("latin-1")[:8])
print(b"abc\xff".decode("ascii", "replace"), b"abc\xff".decode("ascii", "backslashreplace"), b"\xff".decode("latin-1"))
print("€".encode("cp1252") if False else "€".encode("utf-8").hex(), "A".encode("utf-16"), "A".encode("utf-32-be"))
print(str(b"bytes", "ascii"), str(b"\xe2\x82\xac", encoding="utf-8"), bytes("é", "utf-8"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("surrogate-free:", "\U0001F600".encode("utf-8"), len("\U0001F600"), "\U0001F600".encode("utf-16-le").hex())
