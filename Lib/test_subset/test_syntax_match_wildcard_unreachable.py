print("this never runs: the file does not compile")
match [1, 2]:
    case [x, y]:
        pass
    case _:
        pass
    case 3:
        pass
