print("second starts")
import first
seen = hasattr(first, "done")
print("second sees first", sorted(k for k in vars(first) if not k.startswith("__")))
done = True
