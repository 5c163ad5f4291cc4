from .impl import apply


def run(f, x):
    result = apply(f, x)
    return result
