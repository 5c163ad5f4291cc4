# expect: exit 124
# args: --timeout 1
while True:
    pass
