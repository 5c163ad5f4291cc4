from .money import fmt


def summary(book):
    lines = []
    for month in sorted(book.by_month):
        lines.append(f"{month}: {fmt(book.by_month[month]):>12}")
    return lines


def top_accounts(book, n):
    ranked = sorted(book.accounts.values(), key=lambda a: (-abs(a.balance), a.name))
    return [f"{a.name:<8} {fmt(a.balance):>12} ({a.moves} moves)" for a in ranked[:n]]
