# The smallest gilvm program.
print("Hello, world!")
