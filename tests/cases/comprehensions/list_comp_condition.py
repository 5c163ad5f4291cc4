nums = range(20)
print([n for n in nums if n % 3 == 0])
print([n for n in nums if n % 2 if n % 5])
print([n if n % 2 else -n for n in range(6)])
words = ["apple", "Bob", "cat", "Dog"]
print([w for w in words if w[0].isupper()])
