"""Method calls on objects: attribute access, bound methods, properties, inheritance."""


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm2(self):
        return self.dot(self)


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1
        return self


class Tracked(Particle):
    def step(self):
        super().step()
        return self


particles = [Tracked(Vector(i, -i), Vector(1, 2)) for i in range(100)]
acc = 0
for _ in range(8000):
    for p in particles:
        acc += p.step().pos.norm2 % 7
print(acc, particles[0].steps, particles[-1].pos.x, particles[-1].pos.y)
