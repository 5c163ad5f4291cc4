# exec and eval of source strings: the caller's scope, explicit globals/locals dicts,
# functions and classes defined by exec'd code, bytes sources.
x = 5
print(eval("x + 1"), eval("  x * 2"), eval("x\n"), eval("(x +\n 1)"), eval(b"x - 1"))
print(exec("y = x * 3"), y)
exec("def twice(n):\n    return 2 * n\n")
print(twice(21))
exec("class Point:\n    def __init__(self, a):\n        self.a = a\n")
print(Point(4).a, Point.__module__, Point.__qualname__)

# A globals dict: names are looked up and stored there; __builtins__ is added.
g = {'base': 100}
exec("total = base + len('abc')\ndef get():\n    return total + base\n", g)
print(g['total'], g['get'](), '__builtins__' in g, type(g['__builtins__']).__name__)
g['base'] = 1
print(g['get']())  # the function's globals are the dict itself
print(eval("total * 2", g))
print(g['get'].__globals__ is g, g['get'].__module__)
g2 = {'__name__': 'fake_mod'}
exec("class C: pass\ndef h(): pass", g2)
print(g2['C'].__module__, g2['h'].__module__)
exec("class D: pass", {})
print("no __name__ ok")

# Separate locals: stores go to the locals, functions still see the globals.
gl, lo = {'v': 1}, {}
exec("w = v + 1\nv2 = w * 10\ndef f():\n    return v\n", gl, lo)
print(sorted(lo), lo['w'], lo['v2'], 'w' in gl, lo['f']())
print(eval("w + v", gl, lo), eval("w", {}, {'w': 'local'}))
exec("import math\nfrom math import pi as PI", gl, lo)
print(lo['math'].floor(lo['PI']))
same = {}
exec("s = 1", same, same)
print(same['s'])

# In a function: the caller's locals are a snapshot; its globals are the module's.
def func(p):
    q = p * 2
    print(eval("p + q"))
    exec("q = 0\nr = 7")
    print(q)
    exec("global made_by_exec\nmade_by_exec = p")
    # a comprehension is a function: it sees the globals, not the eval's locals
    try:
        eval("[p * i for i in range(3)]")
    except NameError as e:
        print(e)
    return eval("[p * i for i in range(3)]", {'p': p})


print(func(3), made_by_exec)

# In a class body the namespace is the class's.
class Cls:
    exec("attr = 'from exec'")
    val = eval("attr.upper()")


print(Cls.attr, Cls.val)

# Nested exec, comprehensions and lambdas in exec'd code.
ns = {}
exec("exec('inner = 1')\nouter = inner + 1\nsq = [i * i for i in range(4)]\nf = lambda k: k + outer", ns)
print(ns['inner'], ns['outer'], ns['sq'], ns['f'](1))
print(eval("lambda a: a * x")(2))
print(eval("sum(i for i in range(5))", {}))
print(eval("__name__"), eval("__name__", {}), eval("__name__", {'__name__': 'n'}))

# Mappings that are not dicts as locals.
class Loud(dict):
    pass


class Mapping:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v


m = Mapping()
exec("a = 1\nb = a + 1", {}, m)
print(m.d, eval("a + b", {}, m))
lo = Loud()
exec("z = 3", {}, lo)
print(lo)

# A globals dict shared by several exec calls keeps state; one with __builtins__ keeps it.
shared = {'__builtins__': __builtins__}
exec("n = 1", shared)
exec("n += 1", shared)
print(shared['n'], shared['__builtins__'] is __builtins__)
