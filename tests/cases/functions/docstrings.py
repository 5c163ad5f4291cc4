def documented(x):
    """Return x unchanged."""
    return x

class Documented:
    """A class with a docstring."""

    def method(self):
        "A method docstring."
        return 1

print(documented(5), Documented().method())
print(documented.__doc__)
print(Documented.__doc__)
