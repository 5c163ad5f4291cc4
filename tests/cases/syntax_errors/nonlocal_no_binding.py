print("this line must not run")
def f():
    x = 1
    nonlocal x
