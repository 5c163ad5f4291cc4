for n in [-5, 0, 5]:
    print(n, "negative" if n < 0 else "zero" if n == 0 else "positive")
x = 10
y = x // 2 if x % 2 == 0 else x * 3 + 1
print(y)
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
f = lambda v: v if v else "empty"
print(f(""), f("full"))
