# Literal, capture, wildcard, value, singleton and or-patterns; soft keywords.
import sys


class Color:
    RED = 1
    GREEN = 2
    BLUE = 3


def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case Color.RED | Color.GREEN:
            return "red or green"
        case 10 | 20 | 30 as n:
            return f"tens {n}"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case other:
            return f"other {other!r}"


for v in [0, -1, 1.5, "hello!", b"raw", None, True, False, 1, 2, 3, 20, "abcdef", "ab", 1.0, 0.0]:
    print(repr(v), "->", describe(v))

# 1 == True but True is matched by identity
match 1:
    case True:
        print("wrong")
    case 1:
        print("1 is not True")

# soft keywords keep working as names
match = 3
case = 4
print(match, case)
def match(*a):
    return a
print(match(1, 2))
match (5):
    case 5:
        print("parenthesised subject")
_ = "underscore"
match _:
    case "underscore":
        print("_ is an ordinary name outside patterns")

match 42:
    case _:
        print("wildcard")

# a capture binds even at module level
match [1, 2]:
    case whole:
        print("whole", whole)
print(whole)

# guard sees the bindings
for p in [(1, 2), (3, 3), (5, 0)]:
    match p:
        case (a, b) if a == b:
            print("equal", a)
        case (a, b) if b == 0:
            print("zero second", a)
        case (a, b):
            print("pair", a, b)

# subject is evaluated once
calls = []
def subject():
    calls.append(1)
    return 7
match subject():
    case 1: pass
    case 2: pass
    case 7: print("seven, calls:", len(calls))
print(sys.version_info >= (3, 10))
