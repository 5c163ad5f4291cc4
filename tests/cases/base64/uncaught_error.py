# An uncaught binascii.Error ends the program with status 1 and CPython's last stderr line.
import base64

print(base64.b64decode("aGk="))
base64.b64decode("abc")
