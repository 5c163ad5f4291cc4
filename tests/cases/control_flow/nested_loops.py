for row in range(1, 4):
    line = ""
    for col in range(1, 4):
        line += f"{row * col:4}"
    print(line)
pairs = []
for a in "xy":
    for b in [1, 2]:
        for c in (True,):
            pairs.append((a, b, c))
print(pairs)
