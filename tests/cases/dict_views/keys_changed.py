# Replacing keys without changing the size: CPython notices when more items turn up than the
# dict had ("dictionary keys changed during iteration").
def attempt(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


def replace_one():
    d = {1: 1}
    seen = []
    for k in d.keys():
        seen.append(k)
        d.pop(k)
        d[k + 1] = 1
    return seen


attempt("replace the only key", replace_one)


def replace_last():
    d = {1: 1, 2: 2, 3: 3}
    seen = []
    for k in d:
        seen.append(k)
        if k == 1:
            del d[3]
            d[4] = 4
    return seen


attempt("replace a later key", replace_last)
