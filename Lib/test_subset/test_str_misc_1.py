s = "Hello, World"
print(len(s), s[0], s[-1], s[7:], s[:5], s[::-1], s * 2, s + "!", "World" in s)
for i, ch in enumerate(s[:3]):
    print(i, ch, ord(ch))
print(s.lower().count("o"), s.upper(), s.replace("l", "L"), list(s[:4]), tuple("ab"))
print("a" < "b", "Z" < "a", "apple" < "apples", "" < "a", sorted(["b", "B", "a", "A"]), "é" > "z")
print(str(123), str(-4.5), str([1, 2]), str((1,)), str({"a"}), str(None), str(b"x"), str(str))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("\x00\x7f\u200b"), repr("日本"))
print("multi" "ple" " literals", "con" + "cat", "-" * 10, "%s" % "pct", "{}".format("fmt"))
print("line1\
continued", """triple
quoted""", '''single triple''', r"raw \d+ string", rb"raw\bytes")
print("\N{SNOWMAN} \u2603 \U00002603", "\x41\101\u0041", len("\N{SNOWMAN}"), "\t|".expandtabs(4))
text = "   The  Quick   Brown fox  "
print(" ".join(text.split()), text.split(" ")[:4], "_".join(text.lower().split()))
print(text.strip().title(), text.count(" "), text.find("Quick"), text.index("fox"), text.rstrip().endswith("fox"))
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
try:
    "x" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc" * "d"
except TypeError as e:
    print("TypeError:", e)
print("abc" * -1 == "", "ab" * 0, max("hello"), min("hello"), sorted("hello", reverse=True))
print(" ".isspace(), "".isspace(), "\u00a0".isspace(), "ǅ".istitle(), "ß".lower(), "İ".lower(), len("İ".lower()))
print(hash("same") == hash("sa" + "me"), "abc".__len__(), "abc".__contains__("b"), "a".__add__("b"))
print(str.join(",", "xyz"), str.upper("q"), "Mr. X".lower().startswith("mr"), "x".encode())
