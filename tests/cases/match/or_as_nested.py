# Or-patterns binding the same names, as-patterns, nested and grouped patterns, match in
# functions, closures and loops.


def f(v):
    match v:
        case [x, 0] | [0, x] | (x, "zero"):
            return f"x={x}"
        case {"k": (1 | 2) as k} | {"kk": k}:
            return f"k={k}"
        case ([a, b] | (a, b, _)) as whole:
            return f"a={a} b={b} whole={whole}"
        case ((1)):
            return "grouped one"
        case (str() | bytes()) as s:
            return f"text {s!r}"
        case _:
            return "nothing"


for v in [[5, 0], [0, 6], (7, "zero"), {"k": 2}, {"k": 3}, {"kk": 9}, [1, 2], (1, 2, 3), 1,
          "s", b"b", 3.5]:
    print(repr(v), "->", f(v))


def counter():
    total = 0

    def add(cmd):
        nonlocal total
        match cmd.split():
            case ["add", n]:
                total += int(n)
            case ["sub", n]:
                total -= int(n)
            case ["reset"]:
                total = 0
            case [bad, *args]:
                print("unknown", bad, args)
        return total

    return add


add = counter()
for c in ["add 5", "add 10", "sub 3", "mul 2 3", "reset", "add 1"]:
    print(c, "=>", add(c))

results = []
for i in range(6):
    match i % 3, i:
        case 0, n:
            results.append(("fizz", n))
        case (1, _) | (2, 5):
            results.append("one-ish")
        case _:
            results.append(None)
print(results)

# the last case may be irrefutable and guarded ones may be anywhere
def g(v):
    match v:
        case x if x > 10:
            return "big"
        case x:
            return f"small {x}"
print(g(11), g(2))

# break and continue inside case bodies
for item in [1, "stop", 2]:
    match item:
        case "stop":
            break
        case int():
            print("int", item)
            continue
print("done")
