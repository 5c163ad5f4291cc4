from loop_a import A
B = 2
