def double(x):
    return 2 * x

def apply_twice(f, x):
    return f(f(x))

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

print(apply_twice(double, 3))
inc = lambda x: x + 1
print(compose(double, inc)(5), compose(inc, double)(5))
table = {"double": double, "inc": inc}
print([table[name](10) for name in ["double", "inc"]])
print(double.__name__, compose.__name__, compose(double, inc).__name__)
alias = double
print(alias(21), alias is double)
