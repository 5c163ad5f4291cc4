counter = 0

def bump():
    global counter
    counter += 1
    return counter

def read_only():
    return counter * 10

def create():
    global created_later
    created_later = "made inside a function"

bump()
bump()
print(counter, read_only())
create()
print(created_later)

def shadow():
    counter = "local"
    return counter

print(shadow(), counter)
