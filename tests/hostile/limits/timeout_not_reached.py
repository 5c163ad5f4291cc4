# expect: ok
# args: --timeout 5
print(sum(range(1000)))
