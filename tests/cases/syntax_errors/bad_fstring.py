print("this line must not run")
x = f"{1 +}"
