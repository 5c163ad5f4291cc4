def make_counter(start=0, step=1):
    count = start
    def increment():
        nonlocal count
        count += step
        return count
    return increment

a = make_counter()
b = make_counter(100, 10)
print(a(), a(), a())
print(b(), b())
print(a())
