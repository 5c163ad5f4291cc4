def in_finally(x):
    try:
        return x * 2
    finally:
        print("finally")

def in_with(cm):
    with cm as v:
        for i in v:
            return i

def in_handler():
    try:
        pass
    except Exception as e:
        return e
    except:
        return None

def override():
    try:
        return 1
    finally:
        return 2

def nested_finally(items):
    for x in items:
        try:
            try:
                return x
            finally:
                print("inner")
        finally:
            print("outer")
