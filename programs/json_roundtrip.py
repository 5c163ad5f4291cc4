# JSON round trips of generated records: json.dumps/loads (indent, sort_keys, object_pairs_hook)
# with collections.Counter/defaultdict/OrderedDict/namedtuple doing the bookkeeping.
# Usage: json_roundtrip.py [rounds]   (default 200)
import json
import sys
from collections import Counter, OrderedDict, defaultdict, namedtuple

Order = namedtuple("Order", "id customer items total")
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
products = ["apple", "pear", "plum", "kiwi", "fig", "lime", "date"]
customers = ["ann", "bob", "cy", "dee", "ed"]

orders = []
seed = 12345
for i in range(300):
    seed = (seed * 1103515245 + 12345) % 2**31
    items = {products[(seed >> k) % len(products)]: (seed >> (k + 3)) % 9 + 1 for k in range(0, 12, 4)}
    total = round(sum(items.values()) * 1.25 + (seed % 100) / 100, 2)
    orders.append(Order(i, customers[seed % len(customers)], items, total))

sold = Counter()
by_customer = defaultdict(float)
size = 0
for r in range(rounds):
    text = json.dumps([o._asdict() for o in orders], sort_keys=(r % 2 == 0), indent=(2 if r % 3 == 0 else None))
    size += len(text)
    back = json.loads(text, object_pairs_hook=OrderedDict if r % 5 == 0 else None)
    for rec in back:
        o = Order(**rec)
        sold.update(o.items)
        by_customer[o.customer] += o.total

print("bytes", size)
print("sold", sold.most_common(3))
print("customers", json.dumps({k: round(v, 2) for k, v in sorted(by_customer.items())}))
print(json.dumps(orders[0]._asdict(), indent=1, sort_keys=True))
