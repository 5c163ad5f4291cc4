import random

random.seed(1)
print(random.random(), random.randint(1, 10), random.choice(["red", "green", "blue", "yellow"]))
random.seed(1)
again = random.random()
random.seed(1)
print(again == random.random())
