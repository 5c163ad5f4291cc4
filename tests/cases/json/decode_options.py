# json.loads options and the decoder's corners: hooks, parse_*, strict, raw_decode, bytes input,
# big numbers, whitespace, unicode positions, scanstring.
import json
import json.decoder
from json.decoder import JSONDecoder, JSONDecodeError, scanstring
from collections import OrderedDict

print(json.loads('  \n\t {"b": 1, "a": [true, false, null]}  \r\n'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('[{"x": {"y": 1}}]', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=dict.keys, object_pairs_hook=tuple))
print(json.loads('[1.10, 2, 3e2]', parse_float=lambda s: "F" + s, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads("12345678901234567890123456789012345678901234567890"))
print(json.loads("-0"), json.loads("-0.0"), json.loads("1E400"), json.loads("1e-400"), json.loads("0.1"))
print(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud834\\udd1e"'))
print(json.loads('"caf\u00e9 \U0001F600"'), json.loads('["\u00e9", 1]'))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"k": []}')))
print(json.loads('"\u00e9\u00e9\u00e9" '), json.loads(' 1 '), json.loads('"a\\u00e9b"'))
print(json.loads('"tab\there"', strict=False))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"" : ""}'), json.loads("[[[[]]]]"), json.loads("{}"), json.loads("[]"))

dec = JSONDecoder()
print(dec.raw_decode('[1, 2] trailing'))
print(dec.raw_decode('xx{"a": 1}', 2))
print(dec.decode('"s"'))
print(scanstring('"abc" rest', 1), scanstring('x"\u00e9\\n"', 2))
print(json.decoder.JSONDecodeError is json.JSONDecodeError, issubclass(JSONDecodeError, ValueError))

errors = [
    '', ' ', '[', '{', '{"a"', '{"a":', '{"a": 1', '[1, 2', '[1 2]', '{"a" 1}', "{'a': 1}",
    '{"a": 1,}', '[1,]', '[,1]', '{,}', '"abc', '"abc\\', '"a\\x"', '"\\u12"', '"\\u12zz"',
    '"\\ud800\\u12"', '1 2', '{} []', 'nul', 'tru', 'True', 'None', '-', '-x', '--1', '01',
    '1.', '.5', '1e', '1e+', '+1', '"a\nb"', '"\x1f"', '\ufeff[]', '[1]\n\n  x',
    '\u00e9', '["\u00e9\u00e9", x]', '{"\u00e9": 1 2}', 'infinity', 'nan', '[-]',
]
for bad in errors:
    try:
        r = json.loads(bad)
        print("ok", repr(bad), r)
    except JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == bad)

for bad in [None, 1, 1.5, [], {}]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)

try:
    dec.raw_decode("[1]", -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    dec.raw_decode("[1]", 3)
except JSONDecodeError as e:
    print(type(e).__name__, e)
try:
    scanstring('"abc', 10)
except ValueError as e:
    print(type(e).__name__, e)
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("RecursionError")
try:
    json.loads("1" * 5000)
except ValueError as e:
    print("ValueError", e)


def bad_hook(d):
    raise KeyError("hook")


try:
    json.loads('{"a": 1}', object_hook=bad_hook)
except KeyError as e:
    print("KeyError", e)
try:
    json.loads('[1.5]', parse_float=int)
except ValueError as e:
    print("ValueError", e)
