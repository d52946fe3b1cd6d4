print("this never runs: the file does not compile")
match []:
    case [*a, 1, *b]:
        pass
