def numbers(limit):
    n = 0
    while n < limit:
        yield 10 // (3 - n)
        n += 1

def consume(gen):
    results = []
    for value in gen:
        results.append(value)
        print("got", value)
    return results

consume(numbers(5))
