# Count down in a while loop: a benchmark of the bare eval loop.
# Usage: countdown.py [n]   (default 10_000_000)
import sys


def countdown(n):
    while n > 0:
        n -= 1
    return n


def main():
    n = 10_000_000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    left = countdown(n)
    print("counted down from", n, "to", left)
    print("done")


if __name__ == "__main__":
    main()
