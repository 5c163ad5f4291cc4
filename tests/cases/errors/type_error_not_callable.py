value = 42
value()
