# for-loops over ranges and lists (fused with the loop variable store), LoadGlobal's cache when
# globals change, and calls of plain functions.


def ranges():
    out = []
    for i in range(3):
        out.append(i)
    for i in range(10, 0, -3):
        out.append(i)
    for i in range(5, 5):
        out.append("never")
    for i in range(0, 10, 4):
        pass
    out.append(i)
    total = 0
    for k in range(1, 101):
        total += k
    out.append(total)
    return out


print(ranges())


def lists():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x < 5:
            xs.append(x + 10)
    return seen


print(lists())


def f():
    return "first"


def call_f():
    return f()


print(call_f())


def f():  # noqa: F811 -- redefined on purpose
    return "second"


print(call_f())
f = lambda: "third"  # noqa: E731
print(call_f())
del f
try:
    call_f()
except NameError as e:
    print("NameError:", e)


def f():  # noqa: F811
    return "fourth"


p = 1
q = 2
r = 3
print(call_f(), p, q, r)


def uses_len():
    return len("abc")


print(uses_len())


def len(x):  # noqa: A001 -- a global shadowing the builtin after it was cached
    return -1


print(uses_len())
del len
print(uses_len())


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def two(a, b):
    return a - b


print(two(5, 3), two(b=1, a=2))
try:
    two(1)
except TypeError as e:
    print("TypeError:", e)
try:
    two(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
