from . import money


class Entry:
    __slots__ = ("date", "source", "target", "cents")

    def __init__(self, date, source, target, cents):
        self.date = date
        self.source = source
        self.target = target
        self.cents = cents

    def __repr__(self):
        return f"Entry({self.date}, {self.source}->{self.target}, {money.fmt(self.cents)})"


class Account:
    def __init__(self, name):
        self.name = name
        self.balance = 0
        self.moves = 0

    def apply(self, cents):
        self.balance += cents
        self.moves += 1


class Book:
    def __init__(self):
        self.accounts = {}
        self.by_month = {}

    def account(self, name):
        if name not in self.accounts:
            self.accounts[name] = Account(name)
        return self.accounts[name]

    def post(self, entry):
        if entry.source == entry.target:
            raise ValueError(f"self-transfer: {entry!r}")
        self.account(entry.source).apply(-entry.cents)
        self.account(entry.target).apply(entry.cents)
        month = entry.date[:7]
        self.by_month[month] = self.by_month.get(month, 0) + entry.cents

    def post_all(self, entries):
        rejected = 0
        for e in entries:
            try:
                self.post(e)
            except ValueError:
                rejected += 1
        return rejected

    def is_balanced(self):
        return sum(a.balance for a in self.accounts.values()) == 0
