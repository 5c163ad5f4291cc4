import sys

def main():
    try:
        print("in main")
        sys.exit(2)
    finally:
        print("finally runs on exit")

main()
