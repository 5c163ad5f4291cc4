PREFIX = "item-"
