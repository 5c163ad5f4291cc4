import re
print(re.I, re.I|re.M, re.NOFLAG, repr(re.S|re.X))
p = re.compile(r'(?P<word>\w+)\s+(\d+)?')
print(p, p.groups, p.groupindex, p.flags)
m = p.search('  hello 42 world')
print(m, m.group(), m.group(1, 2), m.groups(), m.groupdict(), m.span(2), m.start('word'), m.lastindex, m.lastgroup)
print(m[1], m['word'], bool(m), m.string, m.re is p, m.pos, m.endpos)
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\w)(\d)', 'a1b2c3'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1 \g<0> \g<1>', 'joe@home x bob@work'))
print(re.sub('x*', '-', 'abxd'))
print(re.subn(r'\d', lambda m: str(int(m.group())*2), 'a1b2c9'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('x*', 'axbc'))
print(re.escape('a.b*c d-e'))
print(re.match('a', 'ba'), re.search('a$', 'ba\n'), re.fullmatch('a|ab', 'ab'))
print([m.span() for m in re.finditer(r'é\w', 'aéb éc')])
print(re.compile('(?i)abc').flags, re.compile('a', re.I|re.M))
print(re.search(r'(a)(?=b)', 'cab'), re.search(r'(?<=c)a', 'cab'), re.search(r'(\w)\1', 'abccd'))
for bad in ['(a', 'a)', '*', 'a**', '[a', r'\q', r'(a)\2', '(?P<1>a)', '(?P=x)', 'a{3,2}', '(?z)', 'a(?i)b']:
    try:
        re.compile(bad)
    except re.error as e:
        print(bad, '->', e, '|', e.msg, e.pos)
print(re.search(r'\bfoo\b', 'a foo b'), re.search('(?m)^b$', 'a\nb\nc'), re.findall('(?s)a.b', 'a\nb'))
print(re.sub(r'a', r'\n', 'cat') == 'c\nt')
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
print(re.compile(b'a+').findall(b'caaat'), re.sub(b'a', b'o', b'banana'))
