class InventoryError(Exception):
    pass

def take(stock, n):
    if n > stock:
        raise InventoryError(f"only {stock} left, wanted {n}")
    return stock - n

left = take(10, 3)
print("left:", left)
take(left, 20)
