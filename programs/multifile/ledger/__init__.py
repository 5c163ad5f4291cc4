"""A tiny double-entry ledger: models, a journal parser and reports."""
from .models import Account, Book, Entry
from .parse import ParseError, parse_journal

__all__ = ["Account", "Book", "Entry", "ParseError", "parse_journal"]
