# Orders after the table grows past 8, 32, 128 and 512 slots.
for n in (5, 9, 21, 40, 90, 130, 300):
    s = set()
    for i in range(n):
        s.add((i * 7919) % 1000)
    print(n, list(s)[:12], list(s)[-5:])
big = set(x * 97 for x in range(600))
print(list(big)[:15])
print(sum(1 for _ in big), len(big))
