print("this line must not run")
if True:
	x = 1
        y = 2
