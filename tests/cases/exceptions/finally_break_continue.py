for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
print("done")

def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("cleanup", i)

print(loop_return())
