# Changing a dict's size while iterating it (or a view of it) raises RuntimeError, and the
# iterator keeps raising afterwards.
def attempt(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


d = {1: "a", 2: "b", 3: "c"}
it = iter(d)
print(next(it))
d[4] = "d"
attempt("next after insert", lambda: next(it))
attempt("next again", lambda: next(it))
d = {1: "a", 2: "b"}
it = iter(d.values())
print(next(it))
del d[2]
attempt("values after delete", lambda: next(it))
d = {1: "a", 2: "b"}
it = iter(d.items())
print(next(it))
d.clear()
attempt("items after clear", lambda: next(it))
d = {1: "a"}
it = iter(d)
d[2] = "b"
del d[2]
print("same size again:", next(it), list(it))


def grow():
    d = {0: 0}
    for k in d:
        d[k + 1] = k
    return d


attempt("grow in loop", grow)


def shrink():
    d = {i: i for i in range(5)}
    for k in d.keys():
        if k % 2:
            del d[k]
    return d


attempt("shrink in loop", shrink)


def safe():
    d = {i: i for i in range(5)}
    for k in list(d):
        if k % 2:
            del d[k]
    for k in d:
        d[k] = -d[k]
    return d


attempt("safe", safe)
d = {1: 1, 2: 2}
r = reversed(d.items())
print(next(r))
d[3] = 3
attempt("reversed after insert", lambda: next(r))
