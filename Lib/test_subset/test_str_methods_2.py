text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\u2028eight\n"
print(text.splitlines())
print(text.splitlines(True)[:3])
print("no newline".splitlines(), "".splitlines(), "\n".splitlines(), "a\n\nb".splitlines())
print("a\tb\nc d".split(), "a  b".split(" "), "a,b,".split(","), ",a".split(","))
print("1.2.3.4".split(".", 2), "1.2.3.4".rsplit(".", 2), "x".split("x"), "aXbXc".split("X", 0))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("  \t\n padded \n".strip(), "xyxhixyx".strip("xy"), "<<a>>".lstrip("<"), "<<a>>".rstrip(">"))
print("www.example.com".strip("cmowz."), "   ".strip() == "", "abc".strip(""))
cases = ["123", "١٢٣", "²", "½", "12.5", "-1", "", "abc", "ABC", "Abc", "a1", "  ", "\t", "Hello World", "hello world"]
for s in cases:
    flags = [s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
             s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isascii()]
    print(f"{s!r:15}", "".join("T" if f else "." for f in flags))
print("abc".isidentifier(), "2abc".isidentifier(), "_x".isidentifier(), "print\x00".isprintable())
print("hello".center(11, "*"), "hello".center(10), "hi".center(1), "[" + "x".ljust(3) + "]", "[" + "x".rjust(3, "0") + "]")
print("42".zfill(6), "+42".zfill(6), "-".zfill(3), "abc".zfill(5), "1e3".zfill(6))
print("a-b_c d".title(), "they're bill's".title(), "ǅemo".lower(), "ﬁ".upper(), "straße".casefold())
print("%".join("abc"), "".join([]), " ".join(["single"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("abcabc".find("c", 3), "abcabc".find("c", 3, 5), "abcabc".rfind("a", 0, 3), "abc".find(""), "abc".rfind(""))
print("abcabc".rindex("b"), "aaa".replace("a", "b", 0), "abc".replace("", "."), "x".replace("x", "yy", -1))
print("ab" in "cabd", "" in "x", "abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3), "abc".startswith("b", 1, 2))
print("Hello".swapcase(), "HELLO".capitalize(), "mIxEd CaSe".capitalize())
print("tab\tstop".expandtabs(), "a\tbb\tccc".expandtabs(4), repr("a\tb".expandtabs(0)))
