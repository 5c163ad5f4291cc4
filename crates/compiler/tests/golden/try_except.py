def risky(x):
    try:
        y = 10 // x
    except ZeroDivisionError as e:
        print("zero", e)
        y = 0
    except (TypeError, ValueError):
        y = -1
    else:
        print("fine")
    finally:
        print("done")
    return y

def bare():
    try:
        risky(None)
    except:
        raise

def chain():
    try:
        raise ValueError("inner")
    except ValueError as err:
        raise RuntimeError("outer") from err

def nested():
    try:
        try:
            pass
        finally:
            print(1)
    except Exception:
        pass
