def main():
    print("running main; __name__ is", __name__)

print("module level runs first")
if __name__ == "__main__":
    main()
else:
    print("imported")
