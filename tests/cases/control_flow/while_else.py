n = 0
while n < 3:
    print("loop", n)
    n += 1
else:
    print("else runs when the condition becomes false")
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never printed")
print("broke at", n)
while False:
    pass
else:
    print("else of a loop that never ran")
