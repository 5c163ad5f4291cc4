# Built-in functions and operators applied to instances of subclasses of built-in types.
class L(list): pass
class T(tuple): pass
class S(str): pass
class I(int): pass
class F(float): pass
class D(dict): pass
l, t, s, i, f, d = L([3, 1, 2]), T((1, 2)), S("héllo"), I(7), F(2.5), D(a=1, b=2)
print(list(reversed(l)), list(reversed(t)), list(reversed(s)), sorted(d), list(enumerate(t)))
print(list(zip(l, t)), min(l), max(s), sum(t), any(l), all(t), len(s), sorted(s))
print(str(i), str(f), repr(s), repr(d), repr(l), ascii(s), format(i, "x"), format(f, ".2f"))
print(hex(i), oct(i), bin(i), chr(I(65)), ord(S("A")), divmod(i, 2), pow(i, 2), abs(F(-1.5)))
print(range(I(3)), "abc"[I(1)], [0, 1, 2][I(0):I(2)], i.bit_length(), f.is_integer(), s.encode())
print(int(s.replace("héllo", "5")), float(S("2.5")), I(3) in {3: 1}, S("a") in {"a"}, T((1, 2)) in {(1, 2)})
print(isinstance(i, (str, int)), i.real, f.real, i.__class__.__name__, s.__len__(), l.__len__())
print(list(map(str, l)), "-".join(S(c) for c in "xyz"), s.split("l"), s.partition("l"))
print(l.copy(), type(l.copy()).__name__, t[::-1], type(t[::-1]).__name__, s[1:], type(s[1:]).__name__)
print(dict(d), list(d.items()), d.copy(), type(d.copy()).__name__, D.fromkeys("ab"))
print(i + True, f * i, i / 2, i // I(2), i % 4, -i, +i, ~i, i ** 2, 2 ** i, f // 1)
print(str(S("x")) is not None, S("a") < S("b"), sorted([S("b"), "a"]), I(2) < 2.5, F(1.0) == 1)
print("%s %d %r %.1f" % (s, i, l, f), "%(a)s" % d, f"{s!r} {i:>4} {d}")
print(bool(L()), bool(T()), bool(S("")), bool(I(0)), bool(F(0.0)), bool(D()))
