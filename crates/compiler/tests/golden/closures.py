counter = 0

def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    return middle

def bump():
    global counter
    counter += 1
    del counter

def shadow(value):
    f = lambda: value
    value = 2
    return f()
