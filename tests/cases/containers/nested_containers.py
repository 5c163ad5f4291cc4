data = {"users": [{"name": "ada", "tags": ["x", "y"]}, {"name": "bob", "tags": []}]}
print(data["users"][0]["tags"][1], len(data["users"][1]["tags"]))
data["users"][1]["tags"].append("z")
print(data)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
tree = [1, [2, [3, [4]]]]
depth = 0
node = tree
while isinstance(node, list):
    depth += 1
    node = node[-1]
print(depth, node)
