def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")

attempt("int('x')", lambda: int("x"))
attempt("float('y')", lambda: float("y"))
attempt("[][1]", lambda: [][1])
attempt("(1,)[3]", lambda: (1,)[3])
attempt("{}['k']", lambda: {}["k"])
attempt("1/0", lambda: 1 / 0)
attempt("1%0", lambda: 1 % 0)
attempt("1.0/0", lambda: 1.0 / 0)
attempt("None.x", lambda: None.x)
attempt("len(5)", lambda: len(5))
attempt("'a'+1", lambda: "a" + 1)
attempt("1+'a'", lambda: 1 + "a")
attempt("[1]*'a'", lambda: [1] * "a")
nothing = None
five = 5
attempt("None()", lambda: nothing())
attempt("5[0]", lambda: five[0])
attempt("[].pop()", lambda: [].pop())
attempt("[1].remove(2)", lambda: [1].remove(2))
attempt("'abc'.index('z')", lambda: "abc".index("z"))
attempt("1 < 'a'", lambda: 1 < "a")
attempt("{[]: 1}", lambda: {[]: 1})
attempt("int(None)", lambda: int(None))
attempt("undefined", lambda: undefined_variable_xyz)
attempt("next(iter([]))", lambda: next(iter([])))
attempt("-'a'", lambda: -"a")
