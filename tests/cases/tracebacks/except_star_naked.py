try:
    raise ValueError("naked")
except* TypeError:
    pass
