print("start")
print(completely_undefined_thing)
