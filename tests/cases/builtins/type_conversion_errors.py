for text in ["12", "1.5", "abc", "", " 7 "]:
    try:
        print(repr(text), "->", int(text))
    except ValueError as e:
        print(repr(text), "->", "ValueError:", e)
for text in ["1.5", "1e2", "nan?", ".5"]:
    try:
        print(repr(text), "->", float(text))
    except ValueError as e:
        print(repr(text), "->", "ValueError:", e)
