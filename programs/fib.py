# Recursive Fibonacci: a benchmark of function calls.
# Usage: fib.py [n]   (default 30)
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 30
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print(f"fib({n}) = {fib(n)}")


if __name__ == "__main__":
    main()
