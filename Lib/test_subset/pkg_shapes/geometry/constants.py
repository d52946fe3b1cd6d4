PI = 3.14159
TAU = 2 * PI
print("constants loaded as", __name__)
