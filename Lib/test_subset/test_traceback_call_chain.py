def parse_line(line):
    key, value = line.split("=")
    return key.strip(), int(value)

def parse_all(text):
    result = {}
    for line in text.splitlines():
        if line:
            k, v = parse_line(line)
            result[k] = v
    return result

class Loader:
    def load(self, text):
        return parse_all(text)

print(Loader().load("a = 1\nb = 2\n"))
print(Loader().load("a = 1\nb = two\n"))
