# set(iterable), set comprehensions and set.add loops agree with CPython.
print(set(range(20, 0, -3)))
print(set([10, 5, 100]))
print({i * 37 % 101 for i in range(15)})
print(set([-5, -1, 0, 7, -100, 3]))
s = set()
for i in range(12):
    s.add(i * i - 20)
print(s)
print(set((1, 17, 3, 4, 5)))
print(set({33: "a", 1: "b", 65: "c", 2: "d"}))
print(set("x" for _ in range(3)))
