# expect: exit 124
# args: --timeout 1
x = list(range(1000))
while True:
    x.sort(reverse=True)
