import random

random.seed(42)
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 5))
print(round(random.uniform(1.0, 2.0), 12))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.sample(range(100), 5))
