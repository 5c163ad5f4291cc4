import random as r
import math as m
import sys as system

r.seed(7)
a = r.random()
r.seed(7)
print(a == r.random(), 0 <= a < 1)
print(m.sqrt(4), system.argv[0])
