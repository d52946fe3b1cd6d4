from .geometry.constants import PI


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(PI * self.r * self.r, 4)

    def __repr__(self):
        return f"Circle({self.r})"
