COUNT = 0
try:
    LOADED += 1
except NameError:
    LOADED = 1


def bump():
    global COUNT
    COUNT += 1
