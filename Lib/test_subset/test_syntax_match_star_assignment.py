print("this never runs: the file does not compile")
match [1, 2]:
    case [head, *head]:
        pass
