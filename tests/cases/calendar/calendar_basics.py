import calendar
print(calendar.isleap(2024), calendar.monthrange(2023, 2), calendar.month_name[3], calendar.day_name[0], calendar.weekday(2024, 1, 1), calendar.leapdays(2000, 2025))
print(calendar.month(2024, 2))
print(list(calendar.month_abbr), list(calendar.day_abbr))
print(calendar.monthcalendar(2023, 10))
print(calendar.weekheader(3), calendar.firstweekday(), calendar.monthrange(2000, 2), calendar.monthrange(1900, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2021, 7))
print(list(calendar.Calendar().itermonthdays(2024, 2))[:10], calendar.timegm((2024, 1, 1, 0, 0, 0)))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print("IllegalMonthError:", e)
