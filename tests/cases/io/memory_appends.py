import io, time
s = io.StringIO()
for i in range(20000):
    s.write("line %d\n" % i)
v = s.getvalue()
print(len(v), v[-12:])
s.seek(0); print(s.readline(), s.tell())
s.write("X"); print(s.getvalue()[:10])
s.seek(0, 2); s.write("end"); print(s.getvalue()[-6:], s.tell())
b = io.BytesIO(b"ab"); b.seek(2); b.write(b"cd"); b.write(b"ef"); print(b.getvalue(), b.tell())
b.seek(10); b.write(b"z"); print(b.getvalue())
b.truncate(3); print(b.getvalue()); b.seek(0, 2); b.write(b"q"); print(b.getvalue(), b.read())
