# The fused int paths of the eval loop (local <op> small int, with a jump or a store) must
# behave exactly like the plain instructions, including for non-int locals.


def count(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return n, steps


print(count(5), count(0), count(-3))
print(count(2.5))


def classify(x):
    out = []
    if x < 2:
        out.append("lt2")
    if x >= 2:
        out.append("ge2")
    if x == 3:
        out.append("eq3")
    if x != 3:
        out.append("ne3")
    if not x <= -1:
        out.append("gt-1")
    out.append(x > 0)
    out.append(x + 1)
    out.append(x - 7)
    return out


for v in [-5, 0, 1, 2, 3, 10, 1.5, True, False]:
    print(v, classify(v))

# The local updated in place is a different local from the one read.
a = 0


def shift(a):
    b = "x"
    b = a + 1
    c = a - 1
    return b, c


print(shift(41), shift(-1), shift(0.5))

# Strings and lists on the left fall back to the generic operators.
try:
    s = "abc"
    s = s + 1
except TypeError as e:
    print("TypeError:", e)


def strcmp(s):
    return s < 2


try:
    strcmp("a")
except TypeError as e:
    print("TypeError:", e)

# Large values still stay exact.
big = 2**62
print(big + 1, big - 1, -big - 1)
x = 9
x += 1
print(x)
