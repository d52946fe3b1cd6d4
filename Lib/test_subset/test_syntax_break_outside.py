total = 0
values = [3, 1, 4, 1, 5]
for v in values:
    total += v
print(total)

def stop_early():
    print("stopping")
    break

stop_early()
