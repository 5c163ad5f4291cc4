class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __setitem__(self, i, value):
        self.cards[i] = value

    def __contains__(self, card):
        return card in self.cards

    def __iter__(self):
        return iter(self.cards)

d = Deck("A23456")
print(len(d), d[0], d[-1], d[1:3])
d[0] = "K"
print("K" in d, "A" in d)
print([c for c in d], list(d), sorted(d, reverse=True))
for i, card in enumerate(d):
    if i == 2:
        print("third:", card)
