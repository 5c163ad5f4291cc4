# CPU-bound job for `gilvm compare`: pure-Python arithmetic, no I/O, so only one thread at a
# time can make progress under a GIL. `job(i)` is one item of work (i is the item's index).
WORK = 300000


def job(i):
    total = 0
    n = WORK
    while n > 0:
        total += n % 7
        n -= 1
    return total
