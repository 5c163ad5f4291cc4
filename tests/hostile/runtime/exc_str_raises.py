# expect: error E
class E(Exception):
    def __str__(self):
        raise KeyError('str')
raise E()
