print("this never runs: the file does not compile")
match [1, [2, 3]]:
    case [a, [b, a]]:
        pass
