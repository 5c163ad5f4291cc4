# stat: the S_IS* predicates, S_IMODE/S_IFMT, filemode and the constants, on real stat results.
import os
import stat
import sys

base = os.path.join(sys.argv[1], "statcase")
os.mkdir(base)
f = os.path.join(base, "file.txt")
with open(f, "w") as fh:
    fh.write("data")
os.chmod(f, 0o754)
os.symlink("file.txt", os.path.join(base, "lnk"))
for name in ["file.txt", "lnk", "."]:
    st = os.lstat(os.path.join(base, name))
    m = st.st_mode
    print(name, stat.S_ISREG(m), stat.S_ISDIR(m), stat.S_ISLNK(m), stat.S_ISFIFO(m),
          stat.S_ISSOCK(m), stat.S_ISCHR(m), stat.S_ISBLK(m), oct(stat.S_IFMT(m)))
print(oct(stat.S_IMODE(os.stat(f).st_mode)), stat.filemode(os.stat(f).st_mode))
print(stat.filemode(0o40755), stat.filemode(0o120777), stat.filemode(0o104755), stat.filemode(0o1777 | stat.S_IFDIR))
print(stat.S_IRUSR, stat.S_IWUSR, stat.S_IXUSR, stat.S_IRWXU, stat.S_IRWXG, stat.S_IRWXO)
print(stat.S_IFREG, stat.S_IFDIR, stat.S_IFLNK, stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX)
print(stat.ST_MODE, stat.ST_INO, stat.ST_SIZE, stat.ST_MTIME)
print(bool(os.stat(f).st_mode & stat.S_IXUSR), bool(os.stat(f).st_mode & stat.S_IWOTH))
os.chmod(f, stat.S_IMODE(os.stat(f).st_mode) | stat.S_IWOTH)
print(stat.filemode(os.stat(f).st_mode), os.stat(f)[stat.ST_SIZE])
os.remove(os.path.join(base, "lnk"))
os.remove(f)
os.rmdir(base)
print(os.listdir(sys.argv[1]))
