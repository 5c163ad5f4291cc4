# shlex: split, quote, join, the lexer with punctuation_chars; errors as CPython's.
import shlex

for s in ['a b  c', "a 'b c' d", 'a "b \\" c" d', 'x # comment', 'a\\ b', "it's'' ok'",
          'echo "$HOME" > out.txt', '']:
    try:
        print(repr(s), shlex.split(s), shlex.split(s, comments=True), shlex.split(s, posix=False))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['', 'abc', 'a b', "it's", '$x', 'a"b', 'safe-_./:=+@%,']:
    print(repr(shlex.quote(s)))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
lex = shlex.shlex('a && b || (c; d) > e', posix=True, punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('key=value, other = "x y"')
lex.whitespace_split = False
print(list(lex))
shlex.split('a "unterminated')
