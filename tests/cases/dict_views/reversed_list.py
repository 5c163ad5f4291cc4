# reversed(list) is live: it sees items changed and stops early if the list shrinks.
l = [1, 2, 3, 4]
r = reversed(l)
print(next(r))
l[1] = 20
print(next(r), next(r))
l = [1, 2, 3, 4]
r = reversed(l)
print(next(r))
del l[1:]
print(list(r))
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print(list(r), list(r))
print(type(reversed([])).__name__, list(reversed([])))
