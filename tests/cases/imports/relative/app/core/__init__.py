from . import engine
from .engine import describe as _describe
