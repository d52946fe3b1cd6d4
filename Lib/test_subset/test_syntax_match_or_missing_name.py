print("this never runs: the file does not compile")
match (1, 2):
    case (1, 2) | ([x, 2] as y):
        pass
