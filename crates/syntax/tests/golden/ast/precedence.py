-2 ** 2
2 ** -1
a ** b ** c
not a == b
a if b else c if d else e
x = lambda: a if b else c
(lambda: 1) if t else lambda: 2
a < b <= c != d
a not in b is not c
a or b and not c
1 + 2 * 3 - 4 / 5 // 6 % 7 @ m
a | b ^ c & d << 1 >> 2
-x.y[0](1)
await_ = 1
~a + +b
