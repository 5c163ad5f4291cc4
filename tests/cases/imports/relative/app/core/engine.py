from .. import version
from ..version import VERSION as V
from . import helpers


def describe():
    return f"engine {V} {version.VERSION} {helpers.NAME} {__name__}"
