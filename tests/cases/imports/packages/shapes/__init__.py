print("loading shapes", __name__)
