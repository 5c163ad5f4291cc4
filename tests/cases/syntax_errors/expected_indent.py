print("this line must not run")
if True:
print("not indented")
