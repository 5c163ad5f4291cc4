print("this line must not run")
match 1:
    case x:
        pass
    case 2:
        pass
