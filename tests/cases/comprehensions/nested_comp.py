print([(x, y) for x in range(3) for y in range(x)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
print([[0] * 2 for _ in range(3)])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, sum([sum(row) for row in grid]))
