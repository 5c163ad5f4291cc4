for i in range(3):
    pass
print("i after loop:", i)
for word in ["a", "b"]:
    last = word
print(word, last)
x = 10
for x in range(2):
    pass
print("x rebound by loop:", x)
