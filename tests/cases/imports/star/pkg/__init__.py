__all__ = ["visible", "sub"]


def visible():
    return "visible"


def invisible():
    return "invisible"
