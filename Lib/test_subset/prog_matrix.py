def matmul(a, b):
    cols = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in cols] for row in a]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def mat_pow(m, k):
    result = identity(len(m))
    while k:
        if k & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        k >>= 1
    return result

def determinant(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for col, value in enumerate(m[0]):
        minor = [row[:col] + row[col + 1:] for row in m[1:]]
        total += (-1) ** col * value * determinant(minor)
    return total

def show(m):
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print(" ".join(str(v).rjust(width) for v in row))

a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
show(matmul(a, b))
fib = mat_pow([[1, 1], [1, 0]], 90)
print("fib(90) =", fib[0][1])
m3 = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det =", determinant(m3), determinant(identity(4)), determinant([[1, 2], [2, 4]]))
show(mat_pow(m3, 3))
t = [list(r) for r in zip(*m3)]
print(t, matmul(m3, identity(3)) == m3)
try:
    matmul([[1, 2]], [[1, 2]])
    print("shape mismatch silently truncated by zip")
except Exception as e:
    print(type(e).__name__, e)
print([[round(v / 3, 2) for v in row] for row in m3])
