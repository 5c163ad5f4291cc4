print("this line must not run")
x = 1 $ 2
