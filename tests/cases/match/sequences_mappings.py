# Sequence patterns (with star), mapping patterns (with **rest), nesting.


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case (a, b):
            return f"two {a} {b}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case _:
            return "not a sequence"


for v in [[], [9], (9,), [1, 2, 3], [1], (4, 5), [4, 5, 6, 7], "ab", b"ab", {1: 2}, range(3), range(2), 3, [[1, 2]]]:
    print(repr(v), "->", seq(v))

match [1, [2, [3, 4]], 5]:
    case [a, [b, [c, d]], e]:
        print("nested", a, b, c, d, e)

match (1, 2, 3):
    case *head, tail:
        print("open sequence", head, tail)

match 1, 2:
    case a, b:
        print("tuple subject", a, b)

match [1, 2, 3, 4]:
    case [*_]:
        print("star wildcard")


class MyList(list):
    pass


match MyList([1, 2]):
    case [x, y]:
        print("list subclass", x, y)


def mapping(m):
    match m:
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": "say", "text": str(text), **rest}:
            return f"say {text} extra {rest}"
        case {1: one, None: n}:
            return f"int/None keys {one} {n}"
        case {}:
            return f"some mapping of {len(m)}"
        case _:
            return "no mapping"


for m in [{"action": "move", "to": (1, 2)}, {"action": "move", "to": [3, 4], "speed": 9},
          {"action": "say", "text": "hi"}, {"action": "say", "text": "hi", "loud": True, "n": 2},
          {"action": "say", "text": 5}, {1: "a", None: "b"}, {}, {"x": 1}, [("action", "move")], "abc"]:
    print(mapping(m))

match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **others}:
        print("others", others, type(others).__name__)

match {"k": 1}:
    case {**everything}:
        print("everything", everything)


class Key:
    A = "a"


match {"a": 10}:
    case {Key.A: v}:
        print("value key", v)


class D(dict):
    def __missing__(self, k):
        return "missing"


match D(x=1):
    case {"y": _}:
        print("wrong: __missing__ must not be used")
    case {"x": 1}:
        print("dict subclass")

match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (2, z)}]}:
        print("deep", z)
