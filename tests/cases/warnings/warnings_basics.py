import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
    print(w[0].lineno > 0, type(w[0].message).__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("skip me")
    warnings.warn("keep me")
    warnings.warn("rt", RuntimeWarning)
    print([str(x.message) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("UserWarning raised:", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("once per location")
    print(len(w))
try:
    warnings.warn("x", int)
except TypeError as e:
    print("TypeError:", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
print(issubclass(DeprecationWarning, Warning), warnings.formatwarning("m", UserWarning, "f.py", 3, None), end="")
