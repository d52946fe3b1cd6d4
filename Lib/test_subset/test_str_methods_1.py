s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print("a,b,,c".split(","), "a b  c ".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("  lots   of   space ".split(None, 1), "".split(), "".split(","))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(map(str, [1, 2])))
print("banana".replace("an", "AN"), "banana".replace("a", "", 2), "aaa".replace("", "-"))
print("banana".find("an"), "banana".rfind("an"), "banana".find("x"), "banana".index("na"))
print("banana".count("a"), "banana".count("an"), "banana".count(""), "aaaa".count("aa"))
try:
    "banana".index("x")
except ValueError as e:
    print("ValueError:", e)
print("hello".startswith("he"), "hello".endswith(("x", "lo")), "hello".startswith("l", 2))
print("MiXeD".upper(), "MiXeD".lower(), "hello world".title(), "hello".capitalize(), "MiXeD".swapcase())
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace(),
      "Title Case".istitle(), "lower".islower(), "UPPER".isupper(), "½".isnumeric(), "١".isdecimal())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("42".zfill(5), "-42".zfill(5), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6))
print("line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(keepends=True))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), str.maketrans({"a": "1"}))
print("héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"))
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("Hi {}!".format("you"), "%s-%s" % ("a", "b"))
print("tab\tsep".expandtabs(4), "CamelCase".casefold(), "ß".upper())
print("abc" * 3, "a" in "cat", "abc"[1], "abc"[-1], len("héllo"), "abc" < "abd")
print(ord("é"), chr(233), "x".join("123"), "abc".removeprefix("a"), "abc".removesuffix("bc"))
print(str(12), str(1.5), str([1, "a"]), repr("quote's"), repr('dq"'), repr("both'\""))
print("\u00e9\N{GREEK SMALL LETTER ALPHA}\x41", "\\n is a backslash-n", r"raw\n")
