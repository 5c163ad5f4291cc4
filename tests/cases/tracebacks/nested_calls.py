def parse(text):
    return int(text)

def load(items):
    numbers = []
    for item in items:
        numbers.append(parse(item))
    return numbers

def main():
    numbers = load(["1", "2", "three"])
    print(numbers)

main()
