"""A plain module next to the test programs."""
counter = 0


def bump():
    global counter
    counter += 1
    return counter


if __name__ == "__main__":
    print("never printed when imported")
else:
    print("_simple_module imported as", __name__)
