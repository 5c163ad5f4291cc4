# Count the primes below a limit with a sieve of Eratosthenes, and check the sieve against
# trial division on a prefix.
# Usage: primes.py [limit]   (default 2_000_000)
import sys


def sieve(limit):
    is_prime = [True] * limit
    is_prime[0] = False
    if limit > 1:
        is_prime[1] = False
    i = 2
    while i * i < limit:
        if is_prime[i]:
            for j in range(i * i, limit, i):
                is_prime[j] = False
        i += 1
    return [n for n in range(limit) if is_prime[n]]


def is_prime_trial(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def main():
    limit = 2_000_000
    if len(sys.argv) > 1:
        limit = int(sys.argv[1])
    primes = sieve(limit)
    print(f"{len(primes)} primes below {limit:,}")
    print("last five:", primes[-5:])
    check = min(limit, 2000)
    trial = [n for n in range(check) if is_prime_trial(n)]
    agree = trial == [p for p in primes if p < check]
    print(f"sieve agrees with trial division below {check}: {agree}")
    twins = 0
    for k in range(1, len(primes)):
        if primes[k] - primes[k - 1] == 2:
            twins += 1
    print("twin prime pairs:", twins)


if __name__ == "__main__":
    main()
