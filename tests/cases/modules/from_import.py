from math import sqrt, pi
from math import floor as fl, ceil

print(sqrt(81), round(pi, 5), fl(3.9), ceil(3.1))
