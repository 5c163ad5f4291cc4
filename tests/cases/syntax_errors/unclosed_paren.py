print("this line must not run")
result = max((1, 2)
