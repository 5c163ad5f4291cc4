def describe(name, age, city="nowhere"):
    return f"{name} ({age}) from {city}"

print(describe("Ada", 36))
print(describe(age=36, name="Ada"))
print(describe("Ada", city="London", age=36))
try:
    describe("Ada", name="Bob", age=1)
except TypeError as e:
    print("TypeError:", e)
try:
    describe("Ada", 36, colour="red")
except TypeError as e:
    print("TypeError:", e)
try:
    describe("Ada")
except TypeError as e:
    print("TypeError:", e)
