print("this line must not run")
else:
    pass
