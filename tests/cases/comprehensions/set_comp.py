squares = {x * x for x in range(-3, 4)}
print(sorted(squares), len(squares))
print(sorted({n % 4 for n in range(100)}))
print({c for c in "aaa"}, {x for x in []} == set())
