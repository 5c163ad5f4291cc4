# expect: ok
# cpython: same
class C:
    def __len__(self):
        return 2**62
print(len(C()))
