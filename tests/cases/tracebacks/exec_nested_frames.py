# An exception raised in a function defined by exec'd code: CPython prints the <string>
# frames without a source line.
def run(src):
    namespace = {}
    exec(src, namespace)


run("def g(n):\n    return 10 // n\n\ndef h():\n    return g(0)\n\nh()\n")
