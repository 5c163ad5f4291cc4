# A SyntaxError in exec'd source: the "<string>" location, the line and a caret.
program = "x = 1\nif x\n    print(x)\n"
exec(program)
