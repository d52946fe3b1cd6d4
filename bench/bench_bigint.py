"""Big ints: factorial, Fibonacci of big n, powers and conversions."""


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


f = factorial(25000)
g = fib(250000)
p = pow(3, 200000, 10 ** 400 + 7)
mix = (f // g) % (10 ** 50) + (g * g - f) % 997
print(f.bit_length(), g.bit_length(), p % 1000003, mix % 1000000007, f % (10 ** 20 + 39))
