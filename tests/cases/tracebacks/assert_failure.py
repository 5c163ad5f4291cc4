def check(items):
    assert len(items) < 3, f"too many items: {len(items)}"

check([1])
check([1, 2, 3])
