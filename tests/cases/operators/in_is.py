print(2 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "z" not in "hello", "" in "abc")
print("a" in {"a": 1}, 1 in {"a": 1}, 3 in {1, 2, 3}, 2 in (1, 2))
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
x = None
print(x is None, x is not None, [] is [], [] == [])
a = [1]
b = a
print(a is b, a is not b, True is True)
print(not 2 in [1, 2], (not 2) in [False])
