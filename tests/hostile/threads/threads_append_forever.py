# expect: exit 125
# args: --max-memory 64 --timeout 20
# threading: waits
import threading
x = []
def grow():
    while True:
        x.append([0] * 1000)
for i in range(2):
    threading.Thread(target=grow, daemon=True).start()
grow()
