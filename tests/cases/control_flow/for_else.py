def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([3, 1, 4, 1, 5], 4)
find([3, 1, 4, 1, 5], 9)
for x in []:
    print("never")
else:
    print("else after an empty loop")
for i in range(3):
    continue
else:
    print("continue does not skip else; i =", i)
