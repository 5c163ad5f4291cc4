# expect: exit 124
# args: --timeout 1
i = 0
while True:
    i += 1
    if i % 1000 == 0:
        print(i)
