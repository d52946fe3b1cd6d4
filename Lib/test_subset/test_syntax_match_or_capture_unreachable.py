print("this never runs: the file does not compile")
match 5:
    case 1 | n:
        pass
    case 2:
        pass
