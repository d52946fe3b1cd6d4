def skip_evens(values):
    out = []
    for v in values:
        if v % 2 == 0:
            continue
        out.append(v)
    return out

print(skip_evens(range(10)))
continue
