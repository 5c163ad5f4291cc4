class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

m = Money(1234)
print(m)
print(repr(m), str(m), f"{m} {m!r}")
print([m, Money(5)])
print({"price": m}, (m,))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
