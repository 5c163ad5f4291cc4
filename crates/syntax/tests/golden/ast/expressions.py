f(a, *b, c=1, **d)
sum(x for x in y)
[x for x in y if x for z in x]
{k: v for k, v in d.items()}
{s for s in t}
{1: 2, **e}
{1, *f}
(1,)
()
[]
{}
a[1:2, ::3, 4:, :]
a[1:2:3]
(n := 10)
x = 'a' "b" '''c'''
b'\x00\xff' rb'\n'
...
None, True, False
'\t\n\\ \x41 \u00e9 \U0001F600 \101 \q'
