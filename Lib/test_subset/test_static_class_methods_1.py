class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).created += 1

    @classmethod
    def from_string(cls, text):
        y, m, d = map(int, text.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class BirthDate(Date):
    pass

print(Date.from_string("2024-02-29"), BirthDate.from_string("1990-07-01"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(Date.created, BirthDate.created)

sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(2023))
print(Date.from_string.__self__ is Date, BirthDate.from_string.__self__ is BirthDate)

class Registry:
    items = []

    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return cls

    @classmethod
    def count(cls):
        return len(cls.items)

Registry.register("a").register("b")
print(Registry.count(), Registry.items)

class Counter:
    @staticmethod
    def helper(x):
        return x * 2

    def use(self):
        return self.helper(5) + Counter.helper(1)

print(Counter().use(), callable(Counter.helper))
