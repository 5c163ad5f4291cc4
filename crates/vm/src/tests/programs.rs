//! Programs run under gilvm and compared with CPython 3.11's output (expected stdout and
//! tracebacks generated with python3; caret lines `~~~^^^` removed: gilvm does not print them).

use super::{check, check_err};

#[test]
fn arith() {
    check(
        r####"print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -2, 10 / 4, 9 / 3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 1e16, 1.5e-5, 0.1 + 0.2, 1 / 3, 2.0 ** 0.5, -0.0)
print(1 + 2.5, True + True, True * 3, 3 - True, 1 << 10, 1024 >> 3, -17 >> 2, 6 & 3, 6 | 3, 6 ^ 3, ~5, -(-5))
print("ab" + "cd", "ab" * 3, 3 * "x", [1, 2] + [3], [0] * 3, (1,) * 2, (1, 2) + (3,))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" < "b", [1, 2] < [1, 3], (1, 2) < (1, 2, 0), {1, 2} < {1, 2, 3}, {1} <= {1})
print(1 in [1, 2], 3 not in (1, 2), "bc" in "abc", 2 in {2: 3}, 5 in range(10), 5 in range(0, 10, 2))
print(hash(1) == hash(1.0), hash(-1), hash(True), 2**62 - 1 + 2**62)
print({1: "a", True: "b", 1.0: "c"}, {1, 1.0, True})
print({"a": 1} | {"b": 2}, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
x = [1, 2, 3, 4, 5, 6]
print(x[1:4], x[::2], x[::-1], x[-2:], x[:-4], x[5:1:-2], x[10:])
x[1:3] = ["a", "b", "c"]
print(x)
del x[::2]
print(x)
s = "héllo wörld"
print(s[1], s[-1], s[2:5], s[::-1], len(s))
print(not 0, not [], 0 or "default", 5 and 6, None or 0, [] and 1)
a, b, *rest = [1, 2, 3, 4]
print(a, b, rest)
first, *mid, last = "hello"
print(first, mid, last)
(p, q), r = (1, 2), 3
print(p, q, r)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n %= 4; n **= 3
print(n)
l = [1]
l2 = l
l += [2]
print(l2)
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), repr(b"bytes\x00"), repr(3.0), repr(-1e-7))
print([1, [2, [3]]], (1,), (), {}, set(), {"k": (1, 2)}, None, True, ...)
print(0.1 * 3, 100.0, 1e22, 123456789012345678.0, 2.5e-4, float("inf") if False else 1e308 * 10)
print(10 ** 18, -2 ** 63 if False else -9223372036854775807 - 1)
"####,
        r####"3 -4 -4 1 2 -2 1024 0.25 2.5 3.0
3.0 -4.0 1.5 0.5 1e+16 1.5e-05 0.30000000000000004 0.3333333333333333 1.4142135623730951 -0.0
3.5 2 3 2 1024 128 -5 2 7 5 -6 5
abcd ababab xxx [1, 2, 3] [0, 0, 0] (1, 1) (1, 2, 3)
True False True True True True True True
True True True True True False
True -2 1 9223372036854775807
{1: 'c'} {1}
{'a': 1, 'b': 2} {1, 2, 3} {2} {1} {1, 3}
[2, 3, 4] [1, 3, 5] [6, 5, 4, 3, 2, 1] [5, 6] [1, 2] [6, 4] []
[1, 'a', 'b', 'c', 4, 5, 6]
['a', 'c', 5]
é d llo dlröw olléh 11
True True default 6 0 []
1 2 [3, 4]
h ['e', 'l', 'l'] o
1 2 3
8
[1, 2]
"it's" 'say "hi"' 'tab\there\n' b'bytes\x00' 3.0 -1e-07
[1, [2, [3]]] (1,) () {} set() {'k': (1, 2)} None True Ellipsis
0.30000000000000004 100.0 1e+22 1.2345678901234568e+17 0.00025 inf
1000000000000000000 -9223372036854775808
"####,
    );
}

#[test]
fn classes() {
    check(
        r####"class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(" + repr(self.name) + ")"
class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks) if False else [t for t in tricks]
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", ("sit", "roll"))
print(d.speak(), d.kind, d.tricks)
print(repr(d), isinstance(d, Animal), isinstance(d, Dog))
a = Animal("Cat")
print(a.speak())
print(Dog.kind, Animal.speak(d))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __str__(self):
        return "(" + str(self.x) + ", " + str(self.y) + ")"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [self.x, self.y][i]
p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), p != Point(4, 6), Point(1, 2) < Point(1, 3), Point(5, 0) > Point(1, 1))
print(len(p), p[0], p[-1], list(p) if False else [v for v in p])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v * 1
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls):
        t = cls()
        t.celsius = 25
        return t
t = Temp.make()
print(t.celsius, Temp.unit(), t.unit(), type(t).__name__ if False else Temp.__name__)
class Base:
    def hello(self):
        return "base"
class Mid(Base):
    def hello(self):
        return "mid+" + super(Mid, self).hello()
class Leaf(Mid):
    def hello(self):
        return "leaf+" + super().hello()
print(Leaf().hello())
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
for _ in range(3):
    Counter()
print(Counter.total)
class WithGetattr:
    def __getattr__(self, name):
        return name.upper()
print(WithGetattr().foo)
class Callable:
    def __call__(self, x):
        return x * 3
print(Callable()(5))
print(Animal, Dog.__mro__ if False else Dog.__bases__)
class Empty:
    pass
e = Empty()
e.x = 5
print(e.x, hasattr if False else 1)
"####,
        r####"Rex makes a sound (woof) animal ['sit', 'roll']
Animal('Rex') True True
Cat makes a sound
animal Rex makes a sound
(4, 6) True False True True
2 4 6 [4, 6]
25 C C Temp
leaf+mid+base
3
FOO
15
<class '__main__.Animal'> (<class '__main__.Animal'>,)
5 1
"####,
    );
}

#[test]
fn closures() {
    check(
        r####"def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = make_counter()
c(); c(); print(c(10))
def outer(x):
    def mid():
        def inner():
            return x * 2
        return inner()
    return mid()
print(outer(21))
adders = [lambda y, k=k: y + k for k in range(3)]
print([f(10) for f in adders])
def param_cell(a, b):
    def g():
        return a + b
    a = a * 10
    return g()
print(param_cell(1, 2))
"####,
        r####"12
42
[10, 11, 12]
12
"####,
    );
}

#[test]
fn exceptions() {
    check(
        r####"class MyError(Exception):
    pass
class DetailError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
def risky(n):
    if n == 0:
        raise MyError("zero!")
    if n == 1:
        raise DetailError(42, "one")
    return 10 // (n - 2)
for n in range(4):
    try:
        print("result", risky(n))
    except MyError as e:
        print("MyError", e, e.args)
    except ValueError as e:
        print("ValueError", e, e.code, repr(e))
    except ZeroDivisionError as e:
        print("ZDE", e)
    else:
        print("no error")
    finally:
        print("finally", n)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e.__context__), e.__cause__)
try:
    [].pop if False else [][3]
except IndexError as e:
    print("IndexError:", e)
try:
    raise KeyError("missing")
except KeyError as e:
    print(str(e), e.args)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i)
    finally:
        print("fin", i)
def reraiser():
    try:
        int_ = 1 / 0
    except ZeroDivisionError:
        print("caught, reraising")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("outer caught", e)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with CM() as cm:
    print("inside", type(cm) is CM if False else 1)
    raise ValueError("suppressed")
print("after with")
with CM():
    print("normal")
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert", e)
e = Exception("a", 1)
print(str(e), repr(e), str(Exception()), repr(MyError()))
print(isinstance(MyError(), Exception), isinstance(KeyError(), LookupError))
try:
    undefined_name
except NameError as e:
    print(e)
def g():
    x = x + 1
try:
    g()
except UnboundLocalError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
"####,
        r####"MyError zero! ('zero!',)
finally 0
ValueError one 42 DetailError('one')
finally 1
ZDE integer division or modulo by zero
finally 2
result 10
no error
finally 3
cleanup
try
wrapped ZeroDivisionError('division by zero') True
KeyError('k') None
IndexError: list index out of range
'missing' ('missing',)
loop 0
fin 0
fin 1
loop 2
fin 2
fin 3
caught, reraising
outer caught division by zero
enter
inside 1
exit ValueError suppressed
after with
enter
normal
exit None None
assert math broke
('a', 1) Exception('a', 1)  MyError()
True True
name 'undefined_name' is not defined
cannot access local variable 'x' where it is not associated with a value
'NoneType' object has no attribute 'foo'
"####,
    );
}

#[test]
fn misc() {
    check(
        r####"def kw(a, b=2, *args, c, d=4, **kwargs):
    return [a, b, args, c, d, sorted(kwargs.items()) if False else kwargs]
print(kw(1, c=3))
print(kw(1, 5, 6, 7, c=8, e=9))
print(kw(*[1, 2], **{"c": 3, "z": 0}))
def posonly(a, /, b):
    return a + b
print(posonly(1, b=2))
squares = {x: x * x for x in range(5)}
print(squares, [x for x in range(10) if x % 3 == 0], {x % 3 for x in range(10)})
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    total = -1
print(total)
k = 0
while k < 3:
    k += 1
else:
    print("while-else", k)
def gen_list(n):
    out = []
    for i, ch in [(0, "a"), (1, "b")] * n:
        out.append(str(i) + ch)
    return out
print(gen_list(2))
x = 10
def read_global():
    return x
def write_global():
    global x
    x = 20
write_global()
print(read_global())
print((lambda a, b=3: a * b)(4))
print("yes" if 3 > 2 else "no", "yes" if [] else "no")
d = {"a": 1}
d["b"] = 2
del d["a"]
print(d, len(d), "b" in d)
t = 1, 2, 3
print(t, len(t))
print(f"{1 + 1} {'x'!r} {3.14159:.2f} {42:>5}|{'s':<3}|")
if __name__ == "__main__":
    print("main!")
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
head = None
for i in range(5):
    head = Node(i, head)
vals = []
while head:
    vals.append(head.v)
    head = head.nxt
print(vals)
lst = [1, 2]
lst.append(lst)
print(lst)
print(str(1.0), str(True), str(None), str([1, "a"]), str("s"))
"####,
        r####"[1, 2, (), 3, 4, {}]
[1, 5, (6, 7), 8, 4, {'e': 9}]
[1, 2, (), 3, 4, {'z': 0}]
3
{0: 0, 1: 1, 2: 4, 3: 9, 4: 16} [0, 3, 6, 9] {0, 1, 2}
[[0, 0, 0], [0, 1, 2], [0, 2, 4]]
12
while-else 3
['0a', '1b', '0a', '1b']
20
12
yes no
{'b': 2} 1 True
(1, 2, 3) 3
2 'x' 3.14    42|s  |
main!
[4, 3, 2, 1, 0]
[1, 2, [...]]
1.0 True None [1, 'a'] s
"####,
    );
}

#[test]
fn recursion_limit() {
    check(
        r####"def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 900, d < 1000)
import sys
sys.setrecursionlimit(3000)
print(depth(0) > 2900)
sys.setrecursionlimit(1000)
nested = []
cur = nested
for i in range(5000):
    cur.append([])
    cur = cur[0]
try:
    repr(nested)
    print("no error")
except RecursionError:
    print("RecursionError from repr")
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError as e:
    print("RecursionError:", e)
def key_rec(x):
    return sorted([x, x], key=key_rec)
try:
    key_rec(1)
except RecursionError:
    print("RecursionError in sorted key")
"####,
        r####"True True
True
RecursionError from repr
RecursionError: maximum recursion depth exceeded
RecursionError in sorted key
"####,
    );
}

#[test]
fn tb_attr() {
    check_err(
        r####"class A:
    pass
a = A()
a.x = 1
print(a.x)
print(a.y)
"####,
        r####"1
"####,
        r####"Traceback (most recent call last):
  File "prog.py", line 6, in <module>
    print(a.y)
AttributeError: 'A' object has no attribute 'y'
"####,
    );
}

#[test]
fn tb_cause() {
    check_err(
        r####"class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["key"]
    except KeyError as e:
        raise ConfigError("missing key") from e

load({})
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 6, in load
    return d["key"]
KeyError: 'key'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 10, in <module>
    load({})
  File "prog.py", line 8, in load
    raise ConfigError("missing key") from e
ConfigError: missing key
"####,
    );
}

#[test]
fn tb_chain() {
    check_err(
        r####"def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("bad input")

parse("x")
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 3, in parse
    return int(s)
ValueError: invalid literal for int() with base 10: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 7, in <module>
    parse("x")
  File "prog.py", line 5, in parse
    raise RuntimeError("bad input")
RuntimeError: bad input
"####,
    );
}

#[test]
fn tb_keyerror() {
    check_err(
        r####"d = {"a": 1}
print(d["a"])
print(d["b"])
"####,
        r####"1
"####,
        r####"Traceback (most recent call last):
  File "prog.py", line 3, in <module>
    print(d["b"])
KeyError: 'b'
"####,
    );
}

#[test]
fn tb_nested_handler() {
    check_err(
        r####"try:
    raise ValueError("first")
except ValueError:
    try:
        raise TypeError("second")
    except TypeError:
        x = undefined
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 2, in <module>
    raise ValueError("first")
ValueError: first

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 5, in <module>
    raise TypeError("second")
TypeError: second

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 7, in <module>
    x = undefined
NameError: name 'undefined' is not defined
"####,
    );
}

#[test]
fn tb_nomsg() {
    check_err(
        r####"def f():
    raise ValueError

f()
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    f()
  File "prog.py", line 2, in f
    raise ValueError
ValueError
"####,
    );
}

#[test]
fn tb_recursion() {
    check_err(
        r####"def down(n):
    return down(n + 1)

down(0)
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    down(0)
  File "prog.py", line 2, in down
    return down(n + 1)
  File "prog.py", line 2, in down
    return down(n + 1)
  File "prog.py", line 2, in down
    return down(n + 1)
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
"####,
    );
}

#[test]
fn tb_unbound() {
    check_err(
        r####"count = 0
def bump():
    count += 1
bump()
"####,
        r####""####,
        r####"Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    bump()
  File "prog.py", line 3, in bump
    count += 1
UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
"####,
    );
}

#[test]
fn tb_user() {
    check_err(
        r####"class InsufficientFunds(Exception):
    pass

class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("balance " + str(self.balance) + " < " + str(amount))
        self.balance -= amount

acct = Account(10)
acct.withdraw(3)
print(acct.balance)
acct.withdraw(50)
"####,
        r####"7
"####,
        r####"Traceback (most recent call last):
  File "prog.py", line 16, in <module>
    acct.withdraw(50)
  File "prog.py", line 10, in withdraw
    raise InsufficientFunds("balance " + str(self.balance) + " < " + str(amount))
InsufficientFunds: balance 7 < 50
"####,
    );
}

#[test]
fn tb_zero() {
    check_err(
        r####"def divide(a, b):
    return a / b

def compute(values):
    total = 0
    for v in values:
        total += divide(10, v)
    return total

print(compute([1, 2]))
print(compute([1, 0]))
"####,
        r####"15.0
"####,
        r####"Traceback (most recent call last):
  File "prog.py", line 11, in <module>
    print(compute([1, 0]))
  File "prog.py", line 7, in compute
    total += divide(10, v)
  File "prog.py", line 2, in divide
    return a / b
ZeroDivisionError: division by zero
"####,
    );
}

/// Leaving the 64-bit range promotes to a big int (and fitting results demote back).
#[test]
fn int_overflow() {
    check(
        r#"x = 2 ** 62
try:
    print(x * 4)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(9223372036854775807 + 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(2 ** 64)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1 << 63)
except OverflowError as e:
    print("OverflowError:", e)
print(9223372036854775807, -9223372036854775807 - 1, 2 ** 62 - 1 + 2 ** 62)
"#,
        "18446744073709551616\n9223372036854775808\n18446744073709551616\n9223372036854775808\n\
         9223372036854775807 -9223372036854775808 9223372036854775807\n",
    );
}
