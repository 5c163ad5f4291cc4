# expect: exit 125
# args: --max-memory 64 --timeout 20
d = {}
i = 0
while True:
    d[i] = [i] * 100
    i += 1
