print("this line must not run")
print(1 2)
