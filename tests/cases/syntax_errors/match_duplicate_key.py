print("this line must not run")
match 1:
    case {"a": 1, "a": 2}:
        pass
