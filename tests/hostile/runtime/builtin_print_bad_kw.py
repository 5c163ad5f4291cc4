# expect: error TypeError
# cpython: same
print(1, color='red')
