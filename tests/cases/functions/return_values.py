def nothing():
    pass

def bare_return():
    return

def pair():
    return 1, "two"

def early(n):
    if n > 0:
        return "positive"
    print("fell through")

print(nothing(), bare_return(), pair())
a, b = pair()
print(a, b)
print(early(1), early(-1))
