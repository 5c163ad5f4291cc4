# json.dumps options: indent (int, str, 0), separators, sort_keys, ensure_ascii, skipkeys,
# allow_nan, default, check_circular, subclasses of str/int/float/list/dict, IntEnum.
import json
from collections import OrderedDict, namedtuple, defaultdict, Counter
from enum import IntEnum

data = {"name": "caf\u00e9", "n": [1, 2, {"x": None}], "e": {}, "l": [], "f": 0.1 + 0.2}
for indent in (None, 0, 1, 4, "", "--", "\t"):
    print(repr(json.dumps(data, indent=indent)))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=2, separators=(", ", " -> ")))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True))
print(json.dumps({"\x00\x1f\x7f\"\\/\b\f\n\r\t": "\u2028\ud7ff\U0010ffff"}))
print(json.dumps({"\x00\x1f\x7f\"\\/\b\f\n\r\t": "\u2028"}, ensure_ascii=False))
print(json.dumps([1e16, 1e-5, 123456789.123, -0.0, 5e-324, 1.7976931348623157e308, 3.0]))
print(json.dumps([2**64, -2**70, 0, -1]))
print(json.dumps({1.5: "a", 2**65: "b", False: "c", -0.0: "d"}))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
for bad in ([float("inf")], {"a": float("nan")}, {float("inf"): 1}):
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print("ValueError", e)
print(json.dumps({(1, 2): 1, "ok": 2, (): 3}, skipkeys=True))
print(json.dumps({1, 2, 3}, default=sorted))
print(json.dumps({"when": complex(1, 2)}, default=lambda o: [o.real, o.imag]))
print(json.dumps(b"x", default=lambda o: o.decode()))


class Color(IntEnum):
    RED = 1
    BLUE = 2


class MyStr(str):
    pass


class MyInt(int):
    def __repr__(self):
        return "nope"


class MyFloat(float):
    def __repr__(self):
        return "nope"


class MyList(list):
    pass


class MyDict(dict):
    pass


print(json.dumps([Color.RED, {Color.BLUE: Color.RED}, MyStr("s"), MyInt(5), MyFloat(2.5)]))
print(json.dumps(MyList([1, MyDict(a=MyList())])))
od = OrderedDict([("z", 1), ("a", 2)])
print(json.dumps(od), json.dumps(od, sort_keys=True))
P = namedtuple("P", "x y")
print(json.dumps({"p": P(1, 2)}))
dd = defaultdict(list)
dd["k"].append(1)
print(json.dumps(dd), json.dumps(Counter("abca"), sort_keys=True))
print(json.dumps((1, (2, 3))), json.dumps("plain"), json.dumps(None), json.dumps(True))
print(json.dumps(MyStr("top")), json.dumps("\u00e9", ensure_ascii=False))

# Errors.
for obj in (object(), {1, 2}, b"x", [1, {"a": 2j}]):
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError", e)
try:
    json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps({(1,): 2})
except TypeError as e:
    print("TypeError", e)

d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
lst = [1]
lst.append([lst])
try:
    json.dumps(lst)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(object(), default=lambda o: [o])
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(d, check_circular=False)
except RecursionError as e:
    print("RecursionError")

# Shared but not circular is fine.
shared = [1]
print(json.dumps([shared, shared, {"a": shared}]))
deep = []
cur = deep
for _ in range(100):
    cur.append([])
    cur = cur[0]
print(len(json.dumps(deep)))
for bad in ([float("inf")], {"a": float("-inf")}, {float("nan"): 1}):
    try:
        json.dumps(bad, allow_nan=False, indent=1)
    except ValueError as e:
        print("ValueError", e)
print(list(json.JSONEncoder(indent=1).iterencode([1, {"a": 2.5, 3: None}])))
