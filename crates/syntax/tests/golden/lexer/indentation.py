if a:
    b = 1

      
    # comment at odd indent
  # another
    if c:
        d = (1,
  2,
             3)
    e = [
    ]
f = 1 + \
    2
