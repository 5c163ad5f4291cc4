# expect: exit 125
# args: --max-memory 64 --timeout 20
x = []
while True:
    x.append([0] * 1000)
