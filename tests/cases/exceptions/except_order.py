def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "value":
        return int("x")
    if kind == "type":
        return len(3)
    return "fine"

for kind in ["key", "index", "value", "type", "none"]:
    try:
        result = risky(kind)
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup error", type(e).__name__)
    except ValueError:
        print(kind, "-> value error")
    except Exception as e:
        print(kind, "-> other", type(e).__name__)
    else:
        print(kind, "->", result)
try:
    {}["x"]
except LookupError as e:
    print("LookupError catches", type(e).__name__, repr(e))
