# A call chain through several files: main -> pkg.api -> pkg.impl -> back to a main callback.
from pkg import api


def callback(x):
    return {"a": 1}[x]


print(api.run(callback, "a"))
print(api.run(callback, "b"))
