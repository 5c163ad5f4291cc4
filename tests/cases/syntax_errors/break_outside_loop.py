print("this line must not run")
break
