print("first starts")
import second
done = True
print("first done; second.seen =", second.seen)
