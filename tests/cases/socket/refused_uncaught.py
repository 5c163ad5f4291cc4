# An uncaught ConnectionRefusedError from connecting to a closed port on 127.0.0.1.
import socket

s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()  # nothing listens there now
socket.create_connection(("127.0.0.1", port))
