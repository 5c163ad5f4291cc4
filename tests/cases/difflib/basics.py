# difflib: SequenceMatcher, unified/context/ndiff diffs, get_close_matches, HtmlDiff.
import difflib

a = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n']
b = ['zero\n', 'one\n', 'tree\n', 'four\n', 'five\n', 'six\n']
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt', n=1)))
print(''.join(difflib.context_diff(a, b, 'a.txt', 'b.txt')))
print(''.join(difflib.ndiff(a, b)))
print(''.join(difflib.restore(difflib.ndiff(a, b), 2)) == ''.join(b))
s = difflib.SequenceMatcher(None, 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(s.ratio(), 6), round(s.quick_ratio(), 6), round(s.real_quick_ratio(), 6))
print(s.get_opcodes())
print(s.get_matching_blocks())
print(s.find_longest_match(0, 10, 0, 20))
s2 = difflib.SequenceMatcher(lambda x: x == ' ', 'a b c d', 'a  c  d')
print(list(s2.get_grouped_opcodes(1)))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'whale'], n=2, cutoff=0.3))
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_LINE_JUNK('  #  \n'))
table = difflib.HtmlDiff(wrapcolumn=20).make_table(['abc def'], ['abc xyz'], 'from', 'to')
print(len(table.splitlines()), 'nowrap' in table, 'diff_chg' in table)
list(difflib.unified_diff('abc', 'abd', lineterm=''))
difflib.get_close_matches('x', ['y'], n=0)
