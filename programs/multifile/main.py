# A program in several files: this script, a helper module beside it (sample.py) and a
# package (ledger/) whose modules import each other with relative imports. It generates a
# journal of transactions, parses it back, posts it to accounts and prints a report.
# Usage: main.py [count]   (default 5000 transactions)
# Run it from anywhere: `gilvm programs/multifile/main.py 200` (the script's directory is
# sys.path[0], so `sample` and `ledger` are found beside it).
import sys

import sample
from ledger import Book, parse_journal
from ledger.report import summary, top_accounts


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    journal = sample.journal(count, seed=2024)
    entries = parse_journal(journal)
    book = Book()
    rejected = book.post_all(entries)
    print(f"{len(entries)} entries parsed, {rejected} rejected")
    for line in summary(book):
        print(line)
    print("largest balances:")
    for line in top_accounts(book, 3):
        print(" ", line)
    print("balanced:", book.is_balanced())


if __name__ == "__main__":
    main()
