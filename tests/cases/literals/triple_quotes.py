text = """first line
  second line, indented
third line with 'quotes' and "double quotes"
"""
print(text, end="")
print(len(text.splitlines()))
joined = """no \
break here"""
print(joined)
doc = '''
'''
print(repr(doc))
