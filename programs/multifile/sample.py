"""Deterministic sample data: a small linear congruential generator (the same numbers under
every interpreter) and a journal of transactions in a line format that ledger.parse reads."""

ACCOUNTS = ["cash", "bank", "rent", "food", "salary", "travel", "books", "gifts"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state

    def below(self, n):
        return (self.next() >> 16) % n


def journal(count, seed):
    rng = Lcg(seed)
    lines = ["# date | from | to | amount"]
    for i in range(count):
        day = 1 + rng.below(28)
        month = 1 + rng.below(12)
        src = ACCOUNTS[rng.below(len(ACCOUNTS))]
        dst = ACCOUNTS[rng.below(len(ACCOUNTS))]
        cents = rng.below(50000)
        if i % 97 == 13:
            lines.append(f"2024-{month:02d}-{day:02d} | {src} | {dst} | not-a-number")
        else:
            lines.append(f"2024-{month:02d}-{day:02d} | {src} | {dst} | {cents // 100}.{cents % 100:02d}")
    return "\n".join(lines)
