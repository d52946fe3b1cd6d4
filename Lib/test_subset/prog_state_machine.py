TRANSITIONS = {
    ("idle", "coin"): "ready",
    ("ready", "coin"): "ready",
    ("ready", "push"): "vending",
    ("vending", "done"): "idle",
    ("idle", "push"): "idle",
}

class InvalidTransition(Exception):
    pass

class Machine:
    def __init__(self):
        self.state = "idle"
        self.coins = 0
        self.log = []

    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise InvalidTransition(f"no transition from {self.state!r} on {event!r}")
        new = TRANSITIONS[key]
        handler = getattr(self, f"on_{event}", None)
        if handler:
            handler()
        self.log.append(f"{self.state} --{event}--> {new}")
        self.state = new

    def on_coin(self):
        self.coins += 1

    def on_push(self):
        if self.state == "ready":
            self.coins -= 1

m = Machine()
for event in ["push", "coin", "coin", "push", "done", "coin", "push", "done"]:
    m.fire(event)
print("\n".join(m.log))
print("state:", m.state, "coins left:", m.coins)
try:
    m.fire("done")
except InvalidTransition as e:
    print("InvalidTransition:", e)

def tokenize(expr):
    tokens, number = [], ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            number += ch
            continue
        if number:
            tokens.append(float(number) if "." in number else int(number))
            number = ""
        if ch in "+-*/()":
            tokens.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"unexpected character {ch!r}")
    if number:
        tokens.append(float(number) if "." in number else int(number))
    return tokens

def evaluate(tokens):
    pos = 0
    def expr():
        nonlocal pos
        value = term()
        while pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]; pos += 1
            value = value + term() if op == "+" else value - term()
        return value
    def term():
        nonlocal pos
        value = factor()
        while pos < len(tokens) and tokens[pos] in ("*", "/"):
            op = tokens[pos]; pos += 1
            value = value * factor() if op == "*" else value / factor()
        return value
    def factor():
        nonlocal pos
        tok = tokens[pos]; pos += 1
        if tok == "(":
            value = expr(); pos += 1
            return value
        if tok == "-":
            return -factor()
        return tok
    return expr()

for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2 + 3) * 2.5", "2 * (3 + (4 - 1)) / 3"]:
    print(f"{e} = {evaluate(tokenize(e))}")
try:
    tokenize("2 $ 3")
except SyntaxError as e:
    print("SyntaxError:", e)
