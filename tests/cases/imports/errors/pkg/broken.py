import pkg.mod
raise RuntimeError("broken at import")
