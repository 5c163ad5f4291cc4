print("this line must not run")
match 1:
case 1:
    pass
