# typing at run time: annotations of every kind evaluate, aliases print as CPython's,
# Generic/Protocol bases, NamedTuple, TypedDict, TypeVar, cast, overload, get_type_hints.
from typing import (Any, Callable, ClassVar, Dict, Generic, Iterable, Iterator, List,
                    Literal, NamedTuple, Optional, Protocol, Sequence, Set, Tuple, TypedDict,
                    TypeVar, Union, cast, overload, get_type_hints, TYPE_CHECKING, Mapping,
                    get_origin, get_args, Final)
import typing

T = TypeVar('T')
K = TypeVar('K', bound=str)
print(T, K, typing.AnyStr)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Tuple[int, ...])
print(Callable[[int, str], bool], Callable[..., Any], Literal['r', 'w'], Any)
print(Union[int, Union[str, int]], Optional[Union[int, str]], Union[int] is int)
print(get_origin(List[int]) is list, get_args(Dict[str, int]), get_origin(int))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), isinstance(s, Stack), Stack[int] is not None)


class Greeter(Protocol):
    def greet(self) -> str:
        ...


class Employee(NamedTuple):
    name: str
    id: int = 3

    def label(self) -> str:
        return f'{self.name}#{self.id}'


e = Employee('guido')
print(e, e.label(), e._fields, Employee._field_defaults, isinstance(e, tuple))
Pair = NamedTuple('Pair', [('a', int), ('b', str)])
print(Pair(1, 'x'))


class Movie(TypedDict, total=False):
    title: str
    year: int


m = Movie(title='Blade Runner', year=1982)
print(m, type(m).__name__, sorted(Movie.__optional_keys__))


class Config:
    name: str
    retries: ClassVar[int] = 3
    limit: Final = 10
    tags: Optional[Sequence[str]] = None


print(get_type_hints(Config))
print(cast(int, 'not an int'), TYPE_CHECKING)


@overload
def double(x: int) -> int:
    ...


@overload
def double(x: str) -> str:
    ...


def double(x):
    return x * 2


print(double(2), double('ab'))
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance({}, Mapping),
      isinstance([1], List), isinstance(iter([]), Iterator))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
try:
    Dict[int]
except TypeError as e:
    print(e)
