import json
print(json.dumps({"a": [1, 2.5, None, True, False, "x\ny\u00e9\U0001F600"], "b": {}, "c": []}))
print(json.dumps({"a": [1, {"b": 2}], "c": []}, indent=2))
print(json.dumps({3: 1, 2.5: 2, True: 3, None: 4, "z": 5}, sort_keys=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent="\t", separators=(",", "=")))
print(json.dumps("é", ensure_ascii=False), json.dumps(1e100), json.dumps(2**100), json.dumps(float("nan")))
print(json.loads('{"a": [1, 2.5, -3e2, null, true, false, "x\\u00e9\\ud83d\\ude00"], "b": {}}'))
print(json.loads('[1, 2', ) if False else 0)
for bad in ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '"abc', '"a\\x"', '1 2', '{1: 2}', '"\\u12"', 'nul', '[1 2]', '{"a":1 "b":2}', '"a\tb"', '-', '-x', '\ufeff[]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, repr(e.msg), e.pos, e.lineno, e.colno)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.dumps({(1,): 2})
except TypeError as e:
    print(e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
print(json.loads("[1.5, 10000000000000000000000000]", parse_float=str, parse_int=lambda s: "i" + s))
print(json.loads('{"a": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": 1}', object_hook=lambda d: ("hooked", d)))
print(json.loads('[NaN, Infinity, -Infinity]'))
print(json.loads(b'{"x": 1}'))
print(json.dumps([1, 2], separators=(',', ':')))
