import sys

print(sys.argv[0])
print(sys.argv[1:])
print(len(sys.argv), type(sys.argv).__name__)
print(int(sys.argv[1]) + int(sys.argv[2]))
