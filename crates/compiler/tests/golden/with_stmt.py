def read(path):
    with open(path) as f:
        return f.read()

def two(a, b):
    with a as x, b:
        print(x)

def unpack(cm):
    with cm as (first, second):
        pass

with open("log.txt", "w") as out:
    out.write("hi\n")
