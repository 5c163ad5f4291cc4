class Thing:
    def __init__(self):
        self.alpha = 1

t = Thing()
try:
    print(t.zeta)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).zeta
except AttributeError as e:
    print("AttributeError:", e)
try:
    Thing.zeta
except AttributeError as e:
    print("AttributeError:", e)
t.zeta = 26
print(t.zeta)
