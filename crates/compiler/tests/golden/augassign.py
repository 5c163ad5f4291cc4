total = 0
total += 5
total -= 1
total *= 2
total //= 3
total **= 2
total %= 7
total |= 8

class Box:
    pass

box = Box()
box.count = 0
box.count += 1
items = [1, 2, 3]
items[0] += 10
items[1:2] += [5]

def local_aug(n):
    acc = 1
    acc <<= n
    return acc
