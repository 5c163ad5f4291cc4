print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -2, 10 / 4, 9 / 3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 1e16, 1.5e-5, 0.1 + 0.2, 1 / 3, 2.0 ** 0.5, -0.0)
print(1 + 2.5, True + True, True * 3, 3 - True, 1 << 10, 1024 >> 3, -17 >> 2, 6 & 3, 6 | 3, 6 ^ 3, ~5, -(-5))
print("ab" + "cd", "ab" * 3, 3 * "x", [1, 2] + [3], [0] * 3, (1,) * 2, (1, 2) + (3,))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) < (1, 2, 0), {1, 2} < {1, 2, 3}, {1} <= {1})
print(1 in [1, 2], 3 not in (1, 2), "bc" in "abc", 2 in {2: 3}, 5 in range(10), 5 in range(0, 10, 2))
print(hash(1) == hash(1.0), hash(-1), hash(True), 2**62 - 1 + 2**62)
print({1: "a", True: "b", 1.0: "c"}, {1, 1.0, True})
print({"a": 1} | {"b": 2}, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
x = [1, 2, 3, 4, 5, 6]
print(x[1:4], x[::2], x[::-1], x[-2:], x[:-4], x[5:1:-2], x[10:])
x[1:3] = ["a", "b", "c"]
print(x)
del x[::2]
print(x)
s = "héllo wörld"
print(s[1], s[-1], s[2:5], s[::-1], len(s))
print(not 0, not [], 0 or "default", 5 and 6, None or 0, [] and 1)
a, b, *rest = [1, 2, 3, 4]
print(a, b, rest)
first, *mid, last = "hello"
print(first, mid, last)
(p, q), r = (1, 2), 3
print(p, q, r)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n %= 4; n **= 3
print(n)
l = [1]
l2 = l
l += [2]
print(l2)
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), repr(b"bytes\x00"), repr(3.0), repr(-1e-7))
print([1, [2, [3]]], (1,), (), {}, set(), {"k": (1, 2)}, None, True, ...)
print(0.1 * 3, 100.0, 1e22, 123456789012345678.0, 2.5e-4, float("inf") if False else 1e308 * 10)
print(10 ** 18, -2 ** 63 if False else -9223372036854775807 - 1)
