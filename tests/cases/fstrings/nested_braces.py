x = 3.14159
w = 10
p = 2
print(f"{{literal}} {{{x:.1f}}}")
print(f"[{x:{w}.{p}f}]")
print(f"[{'c':{'^'}{w}}]")
print(f"{'{'}open close{'}'}")
d = {"a": 1}
print(f"{d['a']:>{w}}|")
