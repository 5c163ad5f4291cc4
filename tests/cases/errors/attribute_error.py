class Thing:
    def __init__(self):
        self.alpha = 1

t = Thing()
print(t.alpha)
print(t.zzz_nothing_like_it)
