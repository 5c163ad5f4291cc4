# expect: ok
# cpython: same
x = [1, 2, 3]
for i in x:
    if len(x) < 1000:
        x.append(i)
print(len(x))
