from . import config


def load():
    return config.get("missing")


settings = load()
