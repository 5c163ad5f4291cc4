print("this line must not run")
def f(x)
    return x
