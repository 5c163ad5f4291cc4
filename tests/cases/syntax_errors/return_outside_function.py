print("this line must not run")
return 5
