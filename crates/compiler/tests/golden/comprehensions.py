squares = [x * x for x in range(10)]
evens = {x for x in squares if x % 2 == 0 if x > 4}
index = {name: i for i, name in enumerate(["a", "b"])}
pairs = [(x, y) for x in range(3) for y in range(x)]

def scaled(values, factor):
    return [v * factor for v in values]

def last_match(values):
    if any([(found := v) > 3 for v in values]):
        return found

class Table:
    rows = [r for r in range(3)]
