print("this never runs: the file does not compile")
match (1, 2):
    case (1, x) | (2, y):
        pass
