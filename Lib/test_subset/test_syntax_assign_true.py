flags = [True, False]
for flag in flags:
    print(not flag)
True = 0
