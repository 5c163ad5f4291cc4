def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)

print(total())
print(total(1, 2, 3))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1), head_tail(1, 2, 3))
values = [4, 5, 6]
print(total(*values), total(0, *values, 7))
print(head_tail(*"abc"))
