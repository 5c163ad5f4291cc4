"""A log-report generator: parses an embedded web-server log (or a file given with --file),
then prints per-endpoint latency statistics, the error timeline and a wrapped summary.
Uses argparse, datetime, statistics, textwrap, logging, io, fractions and pprint together."""

import argparse
import io
import logging
import pprint
import statistics
import textwrap
from datetime import datetime, timedelta, timezone
from fractions import Fraction

SAMPLE = """\
2024-03-01T09:00:01+00:00 GET /api/users 200 12.5
2024-03-01T09:00:03+00:00 GET /api/users 200 15.0
2024-03-01T09:00:04+00:00 POST /api/orders 201 48.2
2024-03-01T09:01:10+00:00 GET /api/orders 500 230.0
2024-03-01T09:02:00+00:00 GET /api/users 200 11.0
2024-03-01T09:05:42+00:00 POST /api/orders 201 52.9
2024-03-01T09:06:00+00:00 GET /health 200 0.8
2024-03-01T09:07:30+00:00 GET /api/orders 503 1000.0
2024-03-01T09:08:00+00:00 GET /api/users 404 3.2
not a log line
2024-03-01T09:09:59+00:00 GET /health 200 0.7
"""

log = logging.getLogger("report")


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="log_report", description="Summarise a request log.")
    p.add_argument("--file", help="log file to read (default: the embedded sample)")
    p.add_argument("--width", type=int, default=60, help="summary width")
    p.add_argument("--slow", type=float, default=100.0, help="slow-request threshold in ms")
    p.add_argument("--tz", type=int, default=0, help="report hours offset from UTC")
    p.add_argument("-v", "--verbose", action="count", default=0)
    return p.parse_args(argv)


def read_lines(args):
    if args.file:
        with open(args.file) as f:
            return f.read().splitlines()
    return io.StringIO(SAMPLE).read().splitlines()


def parse(lines):
    records = []
    for n, line in enumerate(lines, 1):
        parts = line.split()
        try:
            stamp, method, path, status, ms = parts
            records.append((datetime.fromisoformat(stamp), method, path, int(status), float(ms)))
        except ValueError:
            log.warning("line %d skipped: %r", n, line)
    return records


def main():
    args = parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s",
                        stream=__import__("sys").stdout)
    records = parse(read_lines(args))
    log.info("%d records parsed", len(records))
    tz = timezone(timedelta(hours=args.tz))
    by_path = {}
    for stamp, method, path, status, ms in records:
        by_path.setdefault(f"{method} {path}", []).append(ms)
    print(f"{'endpoint':<18}{'n':>3}{'mean':>9}{'median':>9}{'stdev':>9}")
    for key in sorted(by_path):
        vals = by_path[key]
        sd = statistics.stdev(vals) if len(vals) > 1 else 0.0
        print(f"{key:<18}{len(vals):>3}{statistics.mean(vals):>9.2f}"
              f"{statistics.median(vals):>9.2f}{sd:>9.2f}")
    errors = [r for r in records if r[3] >= 400]
    print("errors:")
    for stamp, method, path, status, ms in errors:
        local = stamp.astimezone(tz)
        print(f"  {local.strftime('%H:%M:%S')} {local.isoformat()} {status} {method} {path}")
    first, last = records[0][0], records[-1][0]
    span = last - first
    ratio = Fraction(len(errors), len(records))
    slow = [r for r in records if r[4] > args.slow]
    all_ms = [r[4] for r in records]
    q = statistics.quantiles(all_ms, n=4)
    summary = (f"Between {first:%Y-%m-%d %H:%M} and {last:%H:%M} UTC ({span}, "
               f"{span.total_seconds():.0f} s) the server answered {len(records)} requests; "
               f"{ratio} of them ({float(ratio):.1%}) failed and {len(slow)} took longer than "
               f"{args.slow:g} ms. Quartiles of latency: {', '.join(f'{x:.2f}' for x in q)} ms. "
               f"The busiest endpoint was {max(by_path, key=lambda k: len(by_path[k]))}.")
    print(textwrap.fill(summary, width=args.width, initial_indent="  ", subsequent_indent="  "))
    log.debug("per-path table: %s", pprint.pformat(by_path, width=50))
    if ratio > Fraction(1, 5):
        log.error("error rate %s is above 1/5", ratio)


if __name__ == "__main__":
    main()
