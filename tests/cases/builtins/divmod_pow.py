print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(pow(2, 5), pow(2.0, -1), pow(7, 2, 10))
