def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("example.org"))
print(connect("example.org", port=443, secure=True))
try:
    connect("example.org", 443)
except TypeError as e:
    print("TypeError:", e)

def required_kw(*, token):
    return token

print(required_kw(token="abc"))
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
