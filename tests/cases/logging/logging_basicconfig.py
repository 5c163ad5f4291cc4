import logging, sys, os
logging.basicConfig(level=logging.DEBUG, format="%(name)s:%(levelname)s:%(message)s", stream=sys.stdout)
log = logging.getLogger(__name__)
def work():
    log.debug("working %d", 1)
work()
logging.info("root info")
logging.basicConfig(level=logging.ERROR)  # ignored: already configured
logging.debug("still debug")
path = os.path.join(sys.argv[1], "out.log")
fh = logging.FileHandler(path)
fh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log.addHandler(fh)
log.warning("to file and stdout")
fh.close()
with open(path) as f:
    print(repr(f.read()))
logging.shutdown()
