# Word frequencies over an embedded text: dicts, string methods, sorting with a key and
# f-strings with format specs.
# Usage: wordfreq.py [repeat]   (default 2000: the text is counted that many times)
import sys

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way -- in short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.

There were a king with a large jaw and a queen with a plain face, on the throne
of England; there were a king with a large jaw and a queen with a fair face, on
the throne of France. In both countries it was clearer than crystal to the lords
of the State preserves of loaves and fishes, that things in general were settled
for ever.
"""

PUNCTUATION = ".,;:-!?\"'()"


def words_of(text):
    words = []
    for line in text.splitlines():
        for raw in line.split():
            word = raw.strip(PUNCTUATION).lower()
            if word:
                words.append(word)
    return words


def count(words, repeat):
    counts = {}
    for _ in range(repeat):
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return counts


def main():
    repeat = 2000
    if len(sys.argv) > 1:
        repeat = int(sys.argv[1])
    words = words_of(TEXT)
    counts = count(words, repeat)
    total = sum(counts.values())
    print(f"{len(words)} words per copy, {len(counts)} distinct, {total:,} counted")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(f"{'rank':>4}  {'word':<12}{'count':>8}  share")
    for i, (word, n) in enumerate(ranked[:12], start=1):
        share = n / total * 100
        print(f"{i:>4}  {word:<12}{n:>8,}  {share:5.2f}%")
    lengths = {}
    for w in counts:
        lengths.setdefault(len(w), []).append(w)
    longest = max(lengths)
    print("longest words:", ", ".join(sorted(lengths[longest])))
    capitals = sorted({raw.strip(PUNCTUATION) for raw in TEXT.split() if raw[:1].isupper()})
    print("capitalised:", " ".join(capitals))
    initials = {}
    for w in counts:
        initials[w[0]] = initials.get(w[0], 0) + counts[w]
    top = sorted(initials, key=initials.get, reverse=True)[:5]
    print("top initials:", "".join([c.upper() for c in top]))


if __name__ == "__main__":
    main()
