# vars(obj) is obj.__dict__ looked up through a user __getattribute__, as CPython does.
class G:
    def __getattribute__(self, name):
        if name == "__dict__":
            print("hook sees __dict__")
            return {"fake": 1}
        return super().__getattribute__(name)


g = G()
g.x = 1
print(g.x, g.__dict__, vars(g))


class Plain:
    pass


p = Plain()
p.a = 1
v = vars(p)
v["b"] = 2
print(p.b, vars(p) is p.__dict__, sorted(vars(p)))


class Raises:
    def __getattribute__(self, name):
        raise AttributeError(name)


try:
    vars(Raises())
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
