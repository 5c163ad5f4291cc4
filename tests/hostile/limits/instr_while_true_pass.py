# expect: exit 123
# args: --max-instructions 1000000 --timeout 30
while True:
    pass
