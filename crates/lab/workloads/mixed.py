# Mixed job for `gilvm compare`: each item computes (holding the GIL) and then sleeps (releasing
# it), like a request handler that parses and then waits on a database.
import time

WORK = 30000
SLEEP = 0.02


def crunch(n):
    total = 0
    while n > 0:
        total += n % 7
        n -= 1
    return total


def job(i):
    total = crunch(WORK)
    time.sleep(SLEEP)
    return total
