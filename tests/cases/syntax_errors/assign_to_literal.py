print("this line must not run")
1 = x
