print("this line must not run")
try:
    pass
print("no except")
