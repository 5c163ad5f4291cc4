print("this line must not run")
match 1:
    case C(a=1, 2):
        pass
