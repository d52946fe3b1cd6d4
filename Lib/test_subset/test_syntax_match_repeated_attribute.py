print("this never runs: the file does not compile")
class P: pass
match P():
    case P(x=1, y=2, x=3):
        pass
