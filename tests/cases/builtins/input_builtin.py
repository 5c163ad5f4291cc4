name = input()
print("hello,", name)
numbers = input("numbers? ")
print(sum([int(n) for n in numbers.split()]))
count = 0
while True:
    try:
        line = input()
    except EOFError:
        print("EOF after", count, "more lines")
        break
    count += 1
    print(f"{count}: {line!r}")
