rate = 0.05
years = 10
amount = 1000 * (1 + rate) ** years
print(round(amount, 2))
total = 12abc + 1
