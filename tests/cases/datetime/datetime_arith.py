from datetime import date, time, datetime, timedelta, timezone
td = timedelta(days=1, hours=-30, minutes=90, seconds=-1, milliseconds=1500)
print(td, repr(td), -td, abs(-td), td * 3, td // 2, td / timedelta(minutes=1), td % timedelta(hours=1))
print(timedelta(microseconds=-1), timedelta(0), bool(timedelta(0)), timedelta(days=999999), timedelta.max, timedelta.resolution)
print(date(2024, 1, 31) + timedelta(days=30), date(2024, 3, 1) - date(2023, 3, 1), date(2024, 1, 1) < date(2024, 1, 2), max(date(2020, 5, 5), date(2019, 1, 1)))
a = datetime(2024, 12, 31, 23, 59, 59)
print(a + timedelta(seconds=1), a - timedelta(days=366), (a - datetime(2024, 1, 1)).days, a.replace(month=2, day=29))
print(a.toordinal(), date.fromordinal(738000), a.isoformat(timespec="minutes"), a.ctime(), a.timetuple()[:8])
u = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
e = u.astimezone(timezone(timedelta(hours=-4), "EDT"))
print(e, e.tzname(), e.utcoffset(), u == e, e.dst(), timezone(timedelta(hours=5, minutes=45)).tzname(None))
print(datetime.fromtimestamp(86400 * 365, tz=timezone.utc), u.timestamp(), datetime.utcfromtimestamp(0))
print(time(23, 5).isoformat(), time(1, 2, 3, 4000).isoformat(timespec="milliseconds"), time(12, 30) < time(13), repr(time(0)))
print(date(2021, 1, 3).isocalendar(), date(2020, 12, 28).isocalendar().week, date.fromisocalendar(2021, 52, 7))
print(datetime.fromisoformat("2011-11-04 00:05:23.283+00:00"), datetime.fromisoformat("2024-02-29"), time.fromisoformat("04:23:01.000384"))
print(type(datetime.now()).__name__, type(date.today()).__name__, datetime.now(timezone.utc).tzinfo, isinstance(datetime.now(), date))
print(u.strftime("%a %d %b %Y %I:%M %p %z %Z %%"), date(2024, 7, 4).strftime("%U %W %w %y %e"))
print(hash(date(2024, 1, 1)) == hash(date(2024, 1, 1)), sorted([date(2024, 3, 1), date(2023, 5, 5)]))
for bad in [lambda: date(2024, 13, 1), lambda: date(0, 1, 1), lambda: time(24, 0),
            lambda: datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=timezone.utc), lambda: timedelta(days=1000000000),
            lambda: date.fromisoformat("2024-1-1"), lambda: timezone(timedelta(hours=25))]:
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as ex:
        print(type(ex).__name__ + ":", ex)
