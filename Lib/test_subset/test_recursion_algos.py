def hanoi(n, src="A", dst="C", via="B", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

print(len(hanoi(10)), hanoi(3))

def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i, item in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([item] + rest)
    return result

print(permutations([1, 2, 3]), len(permutations(list(range(6)))))

def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]

print(sorted(subsets(["a", "b", "c"]), key=lambda s: (len(s), s)))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print([ackermann(m, n) for m in range(3) for n in range(3)], ackermann(2, 3))

def flood_fill(grid, r, c, old, new):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != old:
        return 0
    grid[r][c] = new
    return 1 + sum(flood_fill(grid, r + dr, c + dc, old, new) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))

grid = [list(row) for row in ["..#..", ".##..", "....#", "###.."]]
print(flood_fill(grid, 0, 0, ".", "o"))
print("\n".join("".join(row) for row in grid))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def binary_search(seq, target, lo=0, hi=None):
    hi = len(seq) if hi is None else hi
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if seq[mid] == target:
        return mid
    if seq[mid] < target:
        return binary_search(seq, target, mid + 1, hi)
    return binary_search(seq, target, lo, mid)

print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50), binary_search(list(range(0, 1000, 3)), 333), binary_search([1, 2], 5))

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while left and right:
        out.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
    return out + left + right

print(merge_sort([5, 2, 9, 1, 5, 6, -3, 0]))
