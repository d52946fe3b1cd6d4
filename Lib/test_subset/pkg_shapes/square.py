class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


def describe():
    return f"{__name__} in package {__package__}"
