# __class_getitem__: builtin generic aliases and user classes.

print(list[int], dict[str, int], tuple[int, ...], set[str], type[int])
print(list[list[int]], dict[str, list[float]])
print(type(list[int]).__name__, list[int].__origin__, list[int].__args__)
print(dict[str, int].__args__, list[int]([1, 2]), dict[str, int](a=1))


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"


print(Box[int], Box["x"])


class Node:
    pass


print(list[Node], dict[str, Node])


class MyList(list):
    pass


print(MyList[int], MyList[int]([3]))


def total(xs: list[int]) -> dict[str, int]:
    return {"sum": sum(xs)}


print(total([1, 2, 3]))

try:
    int[str]
except TypeError as e:
    print("TypeError:", e)
try:
    Node[int]
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(list, dict[str, int])
except TypeError as e:
    print("TypeError:", e)
