"""A plain module."""
print("loading greet")
_count = 0


def hello(who):
    return f"hello {who}"


def counter():
    global _count
    _count += 1
    return _count
