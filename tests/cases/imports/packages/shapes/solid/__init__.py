print("loading shapes.solid", __package__)
