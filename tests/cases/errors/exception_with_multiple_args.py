raise ValueError("bad", 42)
