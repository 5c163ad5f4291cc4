# time's calendar half: struct_time fields, gmtime of fixed instants, mktime/strftime/asctime
# round trips, and the errors (nothing here depends on the clock or the time zone).
import time

t = time.gmtime(0)
print(tuple(t), t.tm_year, t.tm_yday, t.tm_wday, type(t).__name__)
t = time.gmtime(1700000000)
print(tuple(t))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", t))
print(time.asctime(t))
print(time.strftime("%A %B %d %y", time.gmtime(951782400)))  # a leap day
for secs in (0, 86399, 86400, 951782400, 4102444800):
    g = time.gmtime(secs)
    print(secs, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
print(isinstance(time.time(), float), isinstance(time.monotonic_ns(), int))
print(time.perf_counter() <= time.perf_counter(), time.process_time() >= 0)
for bad in (lambda: time.strftime(5), lambda: time.mktime((1, 2))):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
