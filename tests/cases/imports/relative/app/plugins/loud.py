from ..core.engine import describe
from ..core import helpers as h
from .. import core


def run(s):
    return s.upper() + " / " + describe() + " / " + h.NAME + " / " + core.__name__
