def volume(r):
    return 4 / 3 * 3.14159 * r ** 3
