print("this line must not run")
match 1:
    case x | 1:
        pass
