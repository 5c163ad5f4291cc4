class Guard:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.label)

def early():
    with Guard("return"):
        return "returned"
    print("unreachable")

print(early())
for i in range(3):
    with Guard(f"loop {i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("done")
