import sys

path = sys.argv[1] + "/data.txt"
with open(path, "w") as f:
    for i in range(3):
        f.write(f"row {i}\n")
print("closed after with:", f.closed)
with open(path) as f:
    lines = [line.strip() for line in f]
print(lines)
