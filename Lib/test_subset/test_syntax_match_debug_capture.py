print("this never runs: the file does not compile")
match 1:
    case [__debug__]:
        pass
