def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))

def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket

print(append_to(1), append_to(2))

def safer(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket

print(safer(1), safer(2))
n = 5
def captured_at_def(v=n):
    return v
n = 6
print(captured_at_def())
