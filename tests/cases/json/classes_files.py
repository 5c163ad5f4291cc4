# cls=JSONEncoder/JSONDecoder subclasses, encode/iterencode, dump/load through file objects.
import json
from json import JSONEncoder, JSONDecoder


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


def as_point(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


s = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, cls=PointEncoder)
print(s)
p = json.loads(s, object_hook=as_point)["p"]
print(type(p).__name__, p.x, p.y)
print(PointEncoder(indent=1).encode([Point(0, 0)]))
print(list(JSONEncoder().iterencode({"a": [1, 2]})))
print("".join(JSONEncoder(sort_keys=True).iterencode({"b": 1, "a": 2})))
print(JSONEncoder().encode("é"), JSONEncoder(ensure_ascii=False).encode("é"))
e = JSONEncoder(separators=(";", "="), indent=3)
print(e.item_separator, e.key_separator, e.indent, e.encode({"a": [1, 2]}))
print(JSONEncoder(indent=2).item_separator, JSONEncoder().item_separator)
try:
    json.dumps({"p": Point(1, 2), "o": object()}, cls=PointEncoder)
except TypeError as err:
    print("TypeError", err)
try:
    JSONEncoder().default(1)
except TypeError as err:
    print("TypeError", err)


class UpperEncoder(JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()


print(json.dumps({"a": "b"}, cls=UpperEncoder))


class DefaultKw(JSONEncoder):
    def __init__(self, **kw):
        kw["sort_keys"] = True
        super().__init__(**kw)


print(json.dumps({"z": 1, "a": 2}, cls=DefaultKw))


class CountingDecoder(JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
        self.count = 0

    def hook(self, d):
        self.count += 1
        return d


dec = CountingDecoder()
print(dec.decode('[{"a": {}}, {}]'), dec.count)
print(json.loads('{"a": 1.5}', cls=CountingDecoder, parse_float=str))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


class Source:
    def __init__(self, text):
        self.text = text

    def read(self):
        return self.text


out = Sink()
json.dump({"k": [1, 2, {"x": None}]}, out, indent=2, sort_keys=True)
text = "".join(out.parts)
print(text)
print(json.load(Source(text)))
print(json.load(Source('{"a": 1.5}'), parse_float=lambda s: s + "!"))
try:
    json.load(Source("[1, 2,"))
except json.JSONDecodeError as err:
    print("JSONDecodeError", err)
try:
    json.dump(object(), Sink())
except TypeError as err:
    print("TypeError", err)

# Round trips.
values = [0, -1, 2**63, 1.5, -2.25e-10, "", "q\"uote", [], {}, [None, True], {"n": {"m": []}}]
for v in values:
    assert json.loads(json.dumps(v)) == v, v
print("roundtrips ok")
print(json.__all__)
print(json.dumps(json.loads('{"é": "\\u00e9", "x": [1.0, 10, 1e20]}'), ensure_ascii=False))
