def scale(values, factor):
    return [v * factor for v in values]

data = {"weights": [1, 2, 3], "bias": None}
scaled = scale(data["weights"], 2)
print(scaled)
total = sum(scaled) + data["weights"][0] * 10 + data["bias"] * 2
print(total)
