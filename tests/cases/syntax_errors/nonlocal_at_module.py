print("this line must not run")
nonlocal x
