# Modules and packages beside the script: plain, dotted, `as`, `from`, attributes.
import sys
import os.path

import greet
import greet as g2
import shapes
import shapes.solid.cube
import shapes.solid.cube as cube_mod
from shapes import flat
from shapes.solid import cube, sphere as ball
from util.strings import shout

print(greet is g2, greet.hello("x"))
print(greet.__name__, greet.__package__ == "", os.path.basename(greet.__file__))
print(shapes.__name__, shapes.__package__, os.path.basename(shapes.__file__))
print([os.path.basename(p) for p in shapes.__path__])
print(shapes.solid.cube is cube_mod is cube, cube.__package__)
print(flat.square(3), cube.volume(2), ball.volume(1) > 4)
print(shout("hi"))
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print(hasattr(shapes, "solid"), hasattr(shapes.solid, "cube"), hasattr(shapes.solid, "sphere"))
print(type(greet).__name__, repr(greet).startswith("<module 'greet' from "))
print(greet.counter())
import greet
print(greet.counter())
# util has no __init__.py: a namespace package
import util
print(util.__file__, util.__name__)
# importing inside a function binds a local
def f():
    import shapes.flat
    return shapes.flat.square(4)
print(f())
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print(__name__)
