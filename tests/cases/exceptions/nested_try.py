def layered(n):
    try:
        try:
            if n == 1:
                raise ValueError("v")
            if n == 2:
                raise TypeError("t")
            print("inner ok")
        except ValueError as e:
            print("inner caught", e)
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")

for n in [0, 1, 2]:
    layered(n)
    print("--")
