x = "outer"
squares = [x * 2 for x in range(3)]
print(squares, x)
factor = 10
print([n * factor for n in range(3)])
def scaled(values, k):
    return [v * k for v in values]
print(scaled([1, 2], 3))
def filt(limit):
    return {i: [j for j in range(i) if j < limit] for i in range(4)}
print(filt(2))
