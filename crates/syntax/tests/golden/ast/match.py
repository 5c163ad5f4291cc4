match command.split():
    case ["go", direction] | ["move", direction]:
        pass
    case [1, -2, 3.5, "s", None, True, *rest]:
        pass
    case {"x": x, Color.RED: (a, b), **kw} if x:
        pass
    case Point(0, y=[_, *_]) as p:
        pass
    case _:
        pass
match = 1
match(x)
case = match
