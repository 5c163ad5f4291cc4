"""time: the clocks and sleep are native (`_time`, crates/stdlib/src/time.rs); the calendar
half — struct_time, gmtime, localtime, mktime, strftime, asctime — is Python, here.
gilvm knows no time zones here: localtime is UTC (see LIMITATIONS)."""

from _time import *  # noqa: F401,F403 (time, monotonic, sleep, ...)
import _time as _t

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
           "tm_yday", "tm_isdst")

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


class struct_time(tuple):
    """The 9-field time tuple with its named fields (tm_zone and tm_gmtoff too)."""

    n_fields = 11
    n_sequence_fields = 9

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None
        return self

    tm_year = property(lambda s: s[0])
    tm_mon = property(lambda s: s[1])
    tm_mday = property(lambda s: s[2])
    tm_hour = property(lambda s: s[3])
    tm_min = property(lambda s: s[4])
    tm_sec = property(lambda s: s[5])
    tm_wday = property(lambda s: s[6])
    tm_yday = property(lambda s: s[7])
    tm_isdst = property(lambda s: s[8])
    tm_zone = property(lambda s: s._zone)
    tm_gmtoff = property(lambda s: s._gmtoff)

    def __repr__(self):
        body = ", ".join(f"{n}={v!r}" for n, v in zip(_FIELDS, self))
        return f"time.struct_time({body})"

    def __reduce__(self):
        return (struct_time, (tuple(self),))


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def gmtime(secs=None):
    if secs is None:
        secs = _t.time()
    secs = int(secs // 1) if isinstance(secs, float) else int(secs)
    days, rem = divmod(secs, 86400)
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    y += m <= 2
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0,
                        "UTC", 0))


def localtime(secs=None):
    return gmtime(secs)


def mktime(t):
    if len(t) != 9:
        raise TypeError("mktime(): illegal time tuple argument")
    y, mo, d, h, mi, s = t[:6]
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    return float(_days_from_civil(y, mo, 1) + d - 1) * 86400 + h * 3600 + mi * 60 + s


def asctime(t=None):
    if t is None:
        t = localtime()
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[t[6]][:3], _MONTHS[t[1] - 1][:3], t[2],
                                            t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(fmt, t=None):
    if t is None:
        t = localtime()
    if not isinstance(fmt, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(fmt).__name__}")
    y, mo, d, h, mi, s, wd, yd = tuple(t)[:8]
    if not 1 <= mo <= 12:
        raise ValueError("month out of range")
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == "Y":
            out.append(str(y))
        elif k == "m":
            out.append("%02d" % mo)
        elif k == "d":
            out.append("%02d" % d)
        elif k == "H":
            out.append("%02d" % h)
        elif k == "M":
            out.append("%02d" % mi)
        elif k == "S":
            out.append("%02d" % s)
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "j":
            out.append("%03d" % yd)
        elif k == "A":
            out.append(_DAYS[wd])
        elif k == "a":
            out.append(_DAYS[wd][:3])
        elif k == "B":
            out.append(_MONTHS[mo - 1])
        elif k in "bh":
            out.append(_MONTHS[mo - 1][:3])
        elif k == "I":
            out.append("%02d" % ((h + 11) % 12 + 1))
        elif k == "p":
            out.append("AM" if h < 12 else "PM")
        elif k == "w":
            out.append(str((wd + 1) % 7))
        elif k == "u":
            out.append(str(wd + 1))
        elif k == "e":
            out.append("%2d" % d)
        elif k == "U":
            out.append("%02d" % ((yd + 6 - (wd + 1) % 7) // 7))
        elif k == "W":
            out.append("%02d" % ((yd + 6 - wd) // 7))
        elif k == "c":
            out.append(asctime(t))
        elif k == "x":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif k == "X" or k == "T":
            out.append("%02d:%02d:%02d" % (h, mi, s))
        elif k == "D":
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif k == "F":
            out.append("%d-%02d-%02d" % (y, mo, d))
        elif k == "R":
            out.append("%02d:%02d" % (h, mi))
        elif k == "Z":
            out.append(getattr(t, "tm_zone", None) or "UTC")
        elif k == "z":
            off = getattr(t, "tm_gmtoff", None) or 0
            sign = "-" if off < 0 else "+"
            off = abs(off)
            out.append("%s%02d%02d" % (sign, off // 3600, off % 3600 // 60))
        elif k == "n":
            out.append("\n")
        elif k == "t":
            out.append("\t")
        elif k == "%":
            out.append("%")
        else:
            out.append("%" + k)
    return "".join(out)
