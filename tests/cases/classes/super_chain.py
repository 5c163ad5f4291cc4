class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]

    def hello(self):
        return "A"

class B(A):
    def __init__(self):
        print("B.__init__ before")
        super().__init__()
        self.trail.append("B")

    def hello(self):
        return "B>" + super().hello()

class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append("C")

    def hello(self):
        return "C>" + super().hello()

c = C()
print(c.trail, c.hello())
