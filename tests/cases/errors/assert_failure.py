x = 3
assert x == 3
print("first assert passed")
assert x > 5, f"x is {x}, expected more than 5"
