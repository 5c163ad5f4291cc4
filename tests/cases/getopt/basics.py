# getopt: short and long options, gnu_getopt, CPython's GetoptError messages.
import getopt

print(getopt.getopt(['-a', '-b', 'val', '--long', '--opt=3', 'rest', '-c'], 'ab:c', ['long', 'opt=']))
print(getopt.getopt(['-abval', 'x'], 'ab:'))
print(getopt.gnu_getopt(['x', '-a', 'y', '--opt', '4', 'z'], 'a', ['opt=']))
print(getopt.getopt(['--', '-a'], 'a'))
print(getopt.getopt(['--lo'], '', ['long']))
for args, short, long in [(['-z'], 'a', []), (['-b'], 'b:', []), (['--nope'], '', ['long']),
                          (['--opt'], '', ['opt=']), (['--long=1'], '', ['long']),
                          (['--lo'], '', ['long', 'lotus'])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(type(e).__name__, e, e.opt, e.msg)
print(getopt.error is getopt.GetoptError)
getopt.getopt(['-x'], 'a')
