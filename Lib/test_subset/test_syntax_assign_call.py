def get_value():
    return 10

values = {}
values["x"] = get_value()
get_value() = 5
print(values)
