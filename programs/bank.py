# A small bank: classes, inheritance, a user exception hierarchy, try/except/else/finally,
# a context manager class used with `with`, __repr__/__str__, raising and catching.


class BankError(Exception):
    """Base class of everything the bank raises."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance is {account.balance}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    interest_rate = 0.0
    opened = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        Account.opened += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._check()
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account of {self.owner} is frozen")

    def add_interest(self):
        gained = round(self.balance * self.interest_rate, 2)
        self.balance += gained
        return gained

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance!r})"

    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"


class SavingsAccount(Account):
    interest_rate = 0.05

    def __init__(self, owner, balance=0, limit=2):
        super().__init__(owner, balance)
        self.limit = limit
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= self.limit:
            raise BankError(f"{self.owner} reached the limit of {self.limit} withdrawals")
        result = super().withdraw(amount)
        self.withdrawals += 1
        return result


class Transaction:
    """Context manager: on an exception, restore every balance and swallow BankErrors."""

    def __init__(self, *accounts):
        self.accounts = accounts
        self.saved = None

    def __enter__(self):
        self.saved = [a.balance for a in self.accounts]
        print("  begin transaction")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  commit")
            return False
        for account, balance in zip(self.accounts, self.saved):
            account.balance = balance
        print(f"  rollback after {exc_type.__name__}: {exc}")
        return isinstance(exc, BankError)


def transfer(source, target, amount):
    with Transaction(source, target):
        target.deposit(amount)
        source.withdraw(amount)


def attempt(label, action, *args):
    print(label)
    try:
        result = action(*args)
    except InsufficientFunds as e:
        print("  refused:", e)
        print("  short by", e.amount - e.account.balance)
    except BankError as e:
        print("  bank error:", type(e).__name__, e)
    except ValueError as e:
        print("  bad input:", e.args[0])
    else:
        print("  ok ->", result)
    finally:
        print("  (logged)")


def main():
    alice = Account("Alice", 100)
    bob = SavingsAccount("Bob", 50)
    print(repr(alice), repr(bob))
    print(alice, "|", bob)
    print("isinstance:", isinstance(bob, Account), isinstance(alice, SavingsAccount))

    attempt("deposit 25 to Alice", alice.deposit, 25)
    attempt("deposit -5 to Alice", alice.deposit, -5)
    attempt("withdraw 500 from Bob", bob.withdraw, 500)
    attempt("withdraw 10 from Bob", bob.withdraw, 10)
    attempt("withdraw 10 from Bob", bob.withdraw, 10)
    attempt("withdraw 10 from Bob", bob.withdraw, 10)

    print("transfer 30 Alice -> Bob")
    transfer(alice, bob, 30)
    print("transfer 1000 Alice -> Bob")
    transfer(alice, bob, 1000)
    print("balances:", alice, "|", bob)

    alice.frozen = True
    attempt("deposit 1 to frozen Alice", alice.deposit, 1)
    alice.frozen = False

    print("interest:", alice.add_interest(), bob.add_interest())
    print("history of Alice:", alice.history)
    print("accounts opened:", Account.opened)

    try:
        try:
            bob.withdraw(1)
        except BankError as e:
            raise RuntimeError("audit failed") from e
    except RuntimeError as e:
        print("caught:", e, "| cause:", repr(e.__cause__))

    ranked = sorted([alice, bob], key=lambda a: a.balance, reverse=True)
    print("richest first:", ranked)


if __name__ == "__main__":
    main()
