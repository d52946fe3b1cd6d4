name = "x"
print(f"{name}")
print(f"{name!z}")
