print("this never runs: the file does not compile")
match {}:
    case {f"k": 1}:
        pass
