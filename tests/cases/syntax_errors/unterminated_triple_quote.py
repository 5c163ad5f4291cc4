print("this line must not run")
text = """never
closed
