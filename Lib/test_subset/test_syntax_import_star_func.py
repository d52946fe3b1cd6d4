import math

def load():
    from math import *
    return sqrt(16)

print(load())
