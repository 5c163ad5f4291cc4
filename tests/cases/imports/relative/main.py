# Relative imports: `from . import x`, `from .m import y`, `from ..m import z`, and their errors.
import app.plugins.loud
from app.core import engine

print(app.plugins.loud.run("go"))
print(engine.describe())
print(app.core.__package__, engine.__package__)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    import app.core.too_far
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .sibling import x
except ImportError as e:
    print(type(e).__name__, e)
print(__package__)
