print("before the error")
values = [1, 2, 3]
total = values[0] + values[10]
print("not reached")
