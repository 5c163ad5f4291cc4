for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
total = 0
k = 0
while k < 20:
    k += 1
    if k % 3:
        continue
    total += k
print("total", total)
