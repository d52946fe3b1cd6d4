def g1(x):
    for count in [0, 1]:
        count2 = 0
        while count2 < 20:
            count2 += 10
            try:
                return count + count2
            finally:
                if x:
                    break
    return 'end', count, count2
print(g1(0), g1(1))
def g2(x):
    for i in range(3):
        try:
            return i
        finally:
            if x:
                continue
    return 'end'
print(g2(0), g2(1))
def g3():
    try:
        return 1
    finally:
        return 2
print(g3())
def g4():
    for i in range(2):
        try:
            return 1
        finally:
            try:
                return 5
            finally:
                break
    return 'e'
print(g4())
