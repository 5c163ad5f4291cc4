# contextvars: get/set/reset, tokens, copy_context and Context.run, per-thread contexts, errors.
import contextvars as c
import threading

v = c.ContextVar('v', default=1)
w = c.ContextVar('w')
print(v.name, v.get(), w.get('fallback'), repr(c.Token.MISSING))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(5)
print(t.var is v, t.old_value, v.get())
ctx = c.copy_context()
print(type(ctx).__name__, len(ctx), list(ctx.items()) == [(v, 5)], v in ctx, w in ctx, ctx[v],
      ctx.get(w, 'd'), list(ctx) == [v], list(ctx.values()))
v.reset(t)
print(v.get(), ctx[v])
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))


def f(x):
    v.set(x)
    return v.get()


print(ctx.run(f, 9), v.get(), ctx[v])
try:
    ctx.run(ctx.run, f, 1)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('cannot enter context'))
t2 = ctx.run(v.set, 3)
try:
    v.reset(t2)
except ValueError as e:
    print('ValueError', 'was created in a different Context' in str(e))
t3 = w.set('x')
w.reset(t3)
print(w.get(None), t3.old_value is c.Token.MISSING)
try:
    c.ContextVar(1)
except TypeError as e:
    print('TypeError', e)
print(c.Context() == c.Context(), len(c.Context()), ctx == ctx.copy() if hasattr(ctx, 'copy') else '')
seen = []
v.set(42)
th = threading.Thread(target=lambda: seen.append(v.get()))
th.start()
th.join()
print(seen, v.get())
try:
    hash(ctx)
except TypeError:
    print('TypeError')
c.ContextVar(b'v')
