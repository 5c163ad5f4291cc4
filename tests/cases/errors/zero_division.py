print("computing")
ratio = 10 / (5 - 5)
print("not reached")
