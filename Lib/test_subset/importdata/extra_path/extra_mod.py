NAME = "extra module found through sys.path"


def where():
    return __name__
