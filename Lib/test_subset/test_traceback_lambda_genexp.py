convert = lambda s: int(s, 16)
print([convert(s) for s in ["ff", "10"]])
values = ["1a", "zz", "02"]
total = sum(convert(s) for s in values)
print(total)
