from loop_b import B
A = 1
