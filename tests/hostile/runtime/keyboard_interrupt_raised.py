# expect: clean
raise KeyboardInterrupt
