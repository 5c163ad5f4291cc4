def logic(a, b, c):
    if a and b or not c:
        return 1
    if not (a or b):
        return 2
    x = a and b and c
    y = a or b or c
    return x if y else -x

def compare(a, b, c):
    if a < b < c:
        return "ascending"
    if a is not None and b in c and a not in (1, 2, 3):
        return "member"
    return a == b != c

def unary(n):
    return -n, +n, ~n, not n, -5, -2.5

print(2 ** 10, 7 // 2, 7 % 3, 1 << 4, 255 & 15, 1 | 2, 3 ^ 1, 10 / 4)
print(None, True, False, ..., b"raw", 12345678901234)
