name = input()
print(f"Hello, {name}!")
age = int(input("Age: "))
print("next year:", age + 1)
numbers = [int(x) for x in input().split()]
print("sum:", sum(numbers), "max:", max(numbers))
lines = []
while True:
    try:
        line = input()
    except EOFError:
        print("EOF reached")
        break
    if line == "END":
        break
    lines.append(line)
print(lines)
rest = []
while True:
    try:
        rest.append(input("> "))
    except EOFError as e:
        print("\nEOFError:", repr(e))
        break
print(rest)
