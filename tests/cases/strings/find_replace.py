s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.find("the", 1))
print(s.index("sat"), s.count("at"), s.count("the"), s.count(""))
print(s.replace("at", "og"), s.replace("the", "a", 1))
print(s.startswith("the"), s.endswith("mat"), s.startswith(("a", "t")), s.endswith(("x", "y")))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
print("aaa".replace("a", "bb"), "abc".replace("", "-"))
