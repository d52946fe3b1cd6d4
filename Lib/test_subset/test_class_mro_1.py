class Base:
    def hello(self):
        return "Base"

    def who(self):
        return [type(self).__name__]

class Left(Base):
    def hello(self):
        return "Left>" + super().hello()

    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def hello(self):
        return "Right>" + super().hello()

    def who(self):
        return ["Right"] + super().who()

class Child(Left, Right):
    def hello(self):
        return "Child>" + super().hello()

print([c.__name__ for c in Child.__mro__])
print(Child().hello())
print(Child().who())
print(Child.__bases__, Left.__base__)
print(issubclass(Child, Base), issubclass(Child, (int, Right)), issubclass(Base, Child))
print(isinstance(Child(), Left), isinstance(3, (str, int)))

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass

print([k.__name__ for k in D.mro()])
print([k.__name__ for k in E.mro()])
try:
    class F(D, E):
        pass
except TypeError as e:
    print("TypeError:", e)

class X: pass
class Y(X): pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)

class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"

class Dog(Animal):
    sound = "woof"
    def __init__(self, name, trick):
        super().__init__(name)
        self.trick = trick

d = Dog("rex", "roll")
print(d.speak(), d.trick, super(Dog, d).speak())
print(Dog.__subclasses__() == [], Animal.__subclasses__()[0].__name__)
