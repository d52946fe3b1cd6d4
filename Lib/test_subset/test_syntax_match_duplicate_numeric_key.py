print("this never runs: the file does not compile")
match {}:
    case {1: a, True: b}:
        pass
