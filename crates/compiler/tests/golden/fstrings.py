name = "world"
width = 8
value = 3.14159
print(f"hello {name}!")
print(f"{value:.3f} {value:>{width}.2f} {name!r} {name!s:>10} {name!a}")
print(f"{value=} {width = } {name=!s} {value=:.1f}")
print(f"{{literal}} {1 + 2}")
print(f"")
print(f"{name}")
print(f"{width:,}")
