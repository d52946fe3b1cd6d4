class Temperature:
    def __init__(self, celsius=0.0):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("  resetting")
        self._celsius = 0.0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)

print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)
print(isinstance(Temperature.__dict__["fahrenheit"], property))

class Lazy:
    def __init__(self):
        self.computed = 0

    def _get(self):
        self.computed += 1
        return 42

    answer = property(_get, doc="The answer")

lz = Lazy()
print(lz.answer, lz.answer, lz.computed, Lazy.answer.__doc__)

class Base:
    @property
    def name(self):
        return "base"

class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name

print(Derived().name)
