class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

print(bool(Box([])), bool(Box([1])), len(Box([1, 2])))
print(bool(Flag(True)), bool(Flag(False)))
print("yes" if Flag(True) else "no", "yes" if Box([]) else "no")
print(not Flag(False), Flag(False) or "fallback")
