# expect: ok
# args: --max-instructions 1000000 --timeout 30
print(sum(range(1000)))
