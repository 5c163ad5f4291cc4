a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a < b < c < 4 < 5)
print(1 == 1.0 == True, 3 > 2 > 1 > 0)
print(a <= 1 <= b, c >= 3 >= b, a != b != a)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(3) < val(2) < val(1), calls)
calls.clear()
print(val(1) < val(2) < val(3), calls)
print("abc" < "abd" < "b", [1, 2] < [1, 3], (1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0))
