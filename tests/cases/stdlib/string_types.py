# string (constants, capwords, Template), keyword and types.
import keyword
import string
import types

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords('hello   big world'), string.capwords('a-b-c', '-'))
t = string.Template('$who likes ${what}; $$5 each')
print(t.substitute(who='Tim', what='kung pao'), t.get_identifiers())
print(t.safe_substitute(who='Ann'), string.Template('$x $y').safe_substitute({'x': 1}))
for bad in ('$who', 'cost: $'):
    try:
        string.Template(bad).substitute({})
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'),
      len(keyword.kwlist))
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]))


def f():
    pass


def g():
    yield


print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType),
      isinstance(g(), types.GeneratorType), isinstance(types, types.ModuleType),
      type(None) is types.NoneType)
