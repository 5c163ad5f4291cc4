__all__ = ["there", "missing"]
there = 1
