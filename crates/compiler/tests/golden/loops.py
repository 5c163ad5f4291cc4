def search(items, target):
    for i, item in enumerate(items):
        if item == target:
            break
        if item is None:
            continue
    else:
        return -1
    return i

def countdown(n):
    while n > 0:
        n -= 1
    else:
        print("liftoff")
    while True:
        if n > 10:
            break
        n += 1

def through_finally(items):
    for x in items:
        try:
            if x:
                continue
            if x is None:
                break
        finally:
            print("cleanup")

def through_with(cms):
    for cm in cms:
        with cm:
            if cm:
                break
            continue

def in_handler(items):
    for x in items:
        try:
            pass
        except ValueError as e:
            break
        except KeyError:
            continue
