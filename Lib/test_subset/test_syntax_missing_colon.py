items = {"a": 1, "b": 2}

def show(d):
    for key, value in d.items()
        print(key, value)

show(items)
