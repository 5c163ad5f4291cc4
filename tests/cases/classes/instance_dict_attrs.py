class Record:
    kind = "record"

    def __init__(self, **fields):
        for key in fields:
            setattr(self, key, fields[key])

r = Record(a=1, b="two")
print(r.a, r.b, r.kind)
print(getattr(r, "a"), getattr(r, "missing", "default"), hasattr(r, "b"), hasattr(r, "c"))
setattr(r, "c", 3.0)
print(r.c)
