# expect: exit 124
# args: --timeout 1
while True:
    try:
        1 / 0
    except BaseException:
        pass
