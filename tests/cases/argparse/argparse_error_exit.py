import argparse
p = argparse.ArgumentParser(prog="calc")
p.add_argument("x", type=int)
p.add_argument("op", choices=["add", "sub"])
args = p.parse_args()
print(args)
