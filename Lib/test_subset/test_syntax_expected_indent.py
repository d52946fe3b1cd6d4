class Shape:
    def area(self):
        return 0

class Square(Shape):
    def __init__(self, side):
    self.side = side

print(Square(2))
