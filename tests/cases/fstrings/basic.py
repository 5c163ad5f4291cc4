name = "gilvm"
n = 3
items = {"key": "value"}
pair = (1, 2)
class P:
    x = 10
print(f"hello {name}!")
print(f"{n} + 1 = {n + 1}, {n * 2}, {-n}")
print(f"{items['key']} {pair[0]} {P.x} {len(name)}")
print(f"{name.upper()} {name[1:3]} {'nested'} {[i for i in range(3)]}")
print(f'single {name}', F"capital {n}", f"""triple {n}""")
print(f"{n}{n}{n}", f"", f"no fields")
print(f"{None} {True} {1.5} {[1, 'a']}")
