from . import money
from .models import Entry


class ParseError(Exception):
    def __init__(self, lineno, why):
        super().__init__(f"line {lineno}: {why}")
        self.lineno = lineno


def parse_line(lineno, line):
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != 4:
        raise ParseError(lineno, "expected 4 fields")
    date, source, target, amount = parts
    try:
        cents = money.parse(amount)
    except ValueError as e:
        raise ParseError(lineno, str(e)) from e
    return Entry(date, source, target, cents)


def parse_journal(text):
    entries = []
    errors = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        try:
            entries.append(parse_line(lineno, line))
        except ParseError as e:
            errors.append(e)
    if errors:
        print(f"{len(errors)} bad lines, first: {errors[0]}")
    return entries
