def compute():
    import math
    return math.sqrt(49)

print(compute())
try:
    math
except NameError as e:
    print("NameError:", e)
import math
print(math.sqrt(64))
