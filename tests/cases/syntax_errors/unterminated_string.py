print("this line must not run")
greeting = "hello
print(greeting)
