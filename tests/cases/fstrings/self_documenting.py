x = 7
name = "Ada"
print(f"{x=}")
print(f"{x + 1=}")
print(f"{name=}")
print(f"{x = }")
print(f"{x * 2.5=:.2f}")
print(f"{name=!s}")
