# Sets: "Set changed size during iteration", sticky like CPython's.
def attempt(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(10)
attempt("after add", lambda: next(it))
attempt("again", lambda: next(it))
s = {1, 2, 3}
it = iter(s)
s.discard(1)
s.add(4)
print("same size:", len(list(it)))


def grow():
    s = {1}
    for x in s:
        s.add(x + 1)


attempt("grow", grow)
fs = frozenset if False else set
s = {1, 2}
for x in s:
    s.discard(99)
print(sorted(s))
