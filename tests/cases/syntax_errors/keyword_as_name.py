print("this line must not run")
class = 5
