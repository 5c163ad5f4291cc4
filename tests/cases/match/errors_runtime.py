# Run-time TypeErrors of class patterns, as CPython raises them.


class Q:
    pass


class P:
    __match_args__ = ("x",)

    def __init__(self):
        self.x = 1


class R:
    __match_args__ = ["x"]


class S:
    __match_args__ = (1,)


def attempt(label, f):
    try:
        f()
    except TypeError as e:
        print(label, "TypeError:", e)


def no_match_args():
    match Q():
        case Q(1):
            pass


def too_many():
    match P():
        case P(1, 2):
            pass


def builtin_two():
    match 3:
        case int(1, 2):
            pass


def list_args():
    match R():
        case R(1):
            pass


def non_str():
    match S():
        case S(1):
            pass


def not_a_class():
    match 1:
        case len():
            pass


def duplicate():
    match P():
        case P(1, x=1):
            pass


for label, f in [("no __match_args__", no_match_args), ("too many", too_many),
                 ("builtin", builtin_two), ("list", list_args), ("non-str", non_str),
                 ("not a class", not_a_class), ("duplicate", duplicate)]:
    attempt(label, f)

# not an instance: no error, just no match
match 5:
    case Q(1, 2, 3):
        print("wrong")
    case _:
        print("non-instances do not look at __match_args__")


def dup_key():
    k = "a"
    match {"a": 1}:
        case {Keys.A: 1, Keys.B: 2}:
            pass


class Keys:
    A = "a"
    B = "a"


try:
    dup_key()
except ValueError as e:
    print("ValueError:", e)

# uncaught: the last line of stderr is compared
match Q():
    case Q(x):
        pass
