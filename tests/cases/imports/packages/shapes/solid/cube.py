def volume(n):
    return n ** 3
