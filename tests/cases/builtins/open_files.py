import sys

path = sys.argv[1] + "/notes.txt"
f = open(path, "w")
n = f.write("first line\n")
f.write("second line\n")
f.close()
print("wrote", n, "chars")

with open(path) as f:
    print(repr(f.read()))

with open(path, "a") as f:
    f.write("third line\n")

with open(path, "r") as f:
    for line in f:
        print("line:", line.rstrip())

with open(path) as f:
    print(f.readlines())

with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.closed)
print(f.closed)

try:
    open(sys.argv[1] + "/missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError caught:", isinstance(e, OSError))
