funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
bound = []
for i in range(3):
    bound.append(lambda i=i: i)
print([f() for f in bound])
comp = [lambda: j for j in range(3)]
print([f() for f in comp])

def make(n):
    return lambda: n
made = [make(k) for k in range(3)]
print([f() for f in made])
