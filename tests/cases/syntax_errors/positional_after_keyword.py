print("this line must not run")
f(a=1, 2)
