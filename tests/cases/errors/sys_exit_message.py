import sys

print("fatal problem ahead")
sys.exit("error: configuration missing")
