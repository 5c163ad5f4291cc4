print("this line must not run")
match 1:
    case [a, a]:
        pass
