print("this line must not run")
f() = 3
