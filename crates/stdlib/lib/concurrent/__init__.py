"""The `concurrent` package: only `concurrent.futures` lives in it (gilvm registers the
submodules by dotted name, so the package needs no directory of its own)."""
__path__ = []
