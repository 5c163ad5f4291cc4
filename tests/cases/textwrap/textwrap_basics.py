import textwrap
s = "The quick brown fox jumps over the lazy dog. It was a well-known fact that state-of-the-art machines --- like this one --- wrap text nicely.  Yes!"
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(s, 25, break_on_hyphens=False))
print(textwrap.shorten(s, 40))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")))
print(repr(textwrap.dedent("\ta\n  \tb")))
print(repr(textwrap.indent("a\n\nb\n", "> ")))
print(repr(textwrap.indent("a\n\nb\n", "+", lambda l: True)))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a\tb\tc", 80))
print(textwrap.wrap("a\tb\tc", 80, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("Hi there.  How are you? Fine.", 80, fix_sentence_endings=True))
print(textwrap.fill(s, 30, max_lines=3))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap("  leading space", 10, drop_whitespace=False))
w = textwrap.TextWrapper(width=15, subsequent_indent="..")
print(w.wrap("one two three four five six seven"))
for bad in (0, -1):
    try:
        textwrap.wrap("abc def", bad)
    except ValueError as e:
        print("ValueError", e)
try:
    textwrap.shorten("abc def ghi", 3, placeholder=" [long placeholder]")
except ValueError as e:
    print("ValueError", e)
