"""linecache: lines of source files, read on demand and cached (the basics of CPython's)."""

__all__ = ["getline", "clearcache", "checkcache", "getlines", "lazycache"]

cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    if filename in cache:
        return cache[filename]
    try:
        with open(filename, encoding='utf-8') as f:
            lines = f.read().splitlines(True)
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = lines
    return lines


def checkcache(filename=None):
    pass


def updatecache(filename, module_globals=None):
    cache.pop(filename, None)
    return getlines(filename, module_globals)


def lazycache(filename, module_globals):
    return False
