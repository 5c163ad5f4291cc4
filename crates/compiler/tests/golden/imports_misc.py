import sys
import os.path
import math as m
from time import sleep, perf_counter as pc
from random import *

assert m.pi > 3
assert len(sys.argv) >= 0, "argv"

def main():
    data = {"k": [1, 2]}
    del data["k"][0]
    del data["k"]
    value = data
    del value
    return data

if __name__ == "__main__":
    main()
