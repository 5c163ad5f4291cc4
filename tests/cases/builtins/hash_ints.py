print(hash(0), hash(1), hash(-1), hash(42), hash(-42), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 62), hash(-(2 ** 61)))
print(hash(1) == hash(1.0), hash(0) == hash(0.0), hash(7) == hash(7))
print(hash(1.5), hash(-0.5))
print(hash(None) == hash(None))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
