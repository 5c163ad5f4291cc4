# sched: events run in time then priority order; cancel; run(blocking=False); errors.
import sched
import time

s = sched.scheduler(time.monotonic, time.sleep)
out = []
# One base time, so that equal times are really equal and the priority decides.
now = time.monotonic()
s.enterabs(now + 0.02, 1, out.append, ('b',))
s.enterabs(now + 0.01, 1, out.append, ('a',))
s.enterabs(now + 0.02, 0, out.append, ('b0',))
e = s.enterabs(now + 0.03, 1, out.append, ('c',))
s.enterabs(now + 0.015, 1, out.append, kwargs={'object': 'kw'})
s.cancel(e)
print(s.empty(), len(s.queue), [ev.priority for ev in s.queue])
s.run()
print(out, s.empty())
t = [0.0]
fake = sched.scheduler(lambda: t[0], lambda d: t.__setitem__(0, t[0] + d))
fake.enter(5, 1, out.append, ('late',))
print(fake.run(blocking=False), out[-1])
fake.run()
print(out[-1], t[0])
s.cancel(e)
