def one_arg(x):
    return x

one_arg(1, 2)
