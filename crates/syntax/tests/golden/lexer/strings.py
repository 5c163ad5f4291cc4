s = 'a' "b" '''c
d''' """e"""
t = r'\d' b'x' rb'y' BR'z' f'{a}' Rf'{b}' u'c'
u = 'it\'s' "q\"" 'line\
cont'
