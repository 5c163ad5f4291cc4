print("this line must not run")
while True
    break
