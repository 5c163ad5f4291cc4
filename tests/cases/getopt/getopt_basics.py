# getopt: short and long options, arguments attached or separate, '--', gnu_getopt's
# interspersed arguments, POSIXLY_CORRECT, and GetoptError's messages and attributes.
import getopt
import os

print(getopt.getopt(["-a", "-b", "val", "-cval2", "rest", "-d"], "ab:c:d"))
print(getopt.getopt(["--alpha", "--beta=1", "--gam", "2", "x"], "", ["alpha", "beta=", "gamma="]))
print(getopt.getopt(["-a", "--", "-b"], "ab"))
print(getopt.getopt([], "a"), getopt.getopt(["-"], "a"))
print(getopt.gnu_getopt(["x", "-a", "y", "--beta", "v", "z"], "a", ["beta="]))
print(getopt.gnu_getopt(["x", "-a", "--", "-b"], "ab"))
print(getopt.gnu_getopt(["x", "-a"], "+a"))
os.environ["POSIXLY_CORRECT"] = "1"
print(getopt.gnu_getopt(["x", "-a"], "a"))
del os.environ["POSIXLY_CORRECT"]

for args, short, long in [(["-z"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["yes"]),
                          (["--beta"], "", ["beta="]), (["--alpha=1"], "", ["alpha"]),
                          (["--al"], "", ["alpha", "alps"])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(type(e).__name__, e, repr(e.msg), repr(e.opt), isinstance(e, getopt.error))
getopt.getopt(["-q"], "a")
