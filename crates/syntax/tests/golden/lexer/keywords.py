def f(): pass
class C: pass
async def g(): await x
for x in y: continue
while True: break
with a as b: pass
try: pass
except E: raise
finally: del x
import a; from b import c; global g; nonlocal n; assert x; lambda: None; yield; return False and True or not x is x in x
match = case = _ = 1
