def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-3, 0, 7, 42]:
    print(n, classify(n))
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
else:
    print("empty containers are false")
x = 5
if x > 3: print("one-line if")
if x > 10:
    pass
print("after pass")
