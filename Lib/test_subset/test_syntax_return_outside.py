print("this never runs: the file does not compile")
values = [1, 2, 3]
for v in values:
    print(v)
return values
