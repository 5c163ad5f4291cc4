import datetime
print(datetime.datetime.strptime("2024-01-02 03:04", "%Y-%m-%d %H:%M"))
print(datetime.datetime.strptime("Tue, 05 Mar 2024 10:20:30 PM", "%a, %d %b %Y %I:%M:%S %p"))
print(datetime.datetime.strptime("2024-06-01T12:00:00+0200", "%Y-%m-%dT%H:%M:%S%z"))
print(datetime.datetime.strptime("31/12/99", "%d/%m/%y"), datetime.datetime.strptime("2024 060", "%Y %j"))
try:
    datetime.datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.datetime.strptime("2024-01-01 junk", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
