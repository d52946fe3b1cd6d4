def numbers():
    yield 1
    yield 2

print(list(numbers()))
squares = [n * n for n in numbers()]
yield squares
