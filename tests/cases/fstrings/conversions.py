s = "text"
x = 1.5
items = ["a", 1]
print(f"{s!r} {s!s} {x!r} {items!r} {items}")
print(f"{'q'!r}")
class Thing:
    def __repr__(self):
        return "Thing(repr)"
    def __str__(self):
        return "thing-str"
t = Thing()
print(f"{t} {t!r} {t!s}")
print(f"{s!r:>10}|{s!r:<8}|")
