class AppError(Exception):
    pass

class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(f"{host} failed with {code}")
        self.host = host
        self.code = code

class TimeoutError_(NetworkError):
    pass

def fail(kind):
    if kind == 1:
        raise NetworkError("example.org", 503)
    if kind == 2:
        raise TimeoutError_("slow.org", 408)
    raise AppError("generic")

for kind in [1, 2, 3]:
    try:
        fail(kind)
    except TimeoutError_ as e:
        print("timeout:", e.host)
    except NetworkError as e:
        print("network:", e, e.code)
    except AppError as e:
        print("app:", e, repr(e))
print(issubclass(TimeoutError_, AppError), issubclass(AppError, Exception))
print(isinstance(NetworkError("h", 1), AppError))
