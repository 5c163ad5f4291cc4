print("this line must not run")
def f():
    continue
