# asyncio.create_subprocess_exec / create_subprocess_shell with PIPEs: communicate (with and
# without input), wait and returncode, reading stdout line by line while the child runs, stderr
# apart or merged into stdout, several children at once, and kill.
import asyncio
import sys
from asyncio.subprocess import PIPE, STDOUT

PY = sys.executable


async def main():
    p = await asyncio.create_subprocess_exec(
        PY, "-c", "import sys; data = sys.stdin.read(); print(data.upper()); "
                  "print('err', file=sys.stderr); sys.exit(3)",
        stdin=PIPE, stdout=PIPE, stderr=PIPE)
    print("returncode before:", p.returncode)
    out, err = await p.communicate(b"hello child")
    print(out, err, p.returncode)

    p = await asyncio.create_subprocess_shell("echo one; echo two 1>&2; echo three",
                                              stdout=PIPE, stderr=STDOUT)
    out, err = await p.communicate()
    print(sorted(out.split()), err, await p.wait())

    p = await asyncio.create_subprocess_shell(
        "for i in 1 2 3; do echo line $i; sleep 0.02; done", stdout=PIPE)
    lines = []
    while True:
        line = await p.stdout.readline()
        if not line:
            break
        lines.append(line)
    print(lines, await p.wait(), p.returncode)

    p = await asyncio.create_subprocess_exec("sh", "-c", "cat; echo done", stdin=PIPE,
                                             stdout=PIPE)
    p.stdin.write(b"via stdin\n")
    await p.stdin.drain()
    p.stdin.close()
    print(await p.stdout.read(), await p.wait())

    async def run(i):
        proc = await asyncio.create_subprocess_shell("sleep 0.05; echo child %d" % i,
                                                     stdout=PIPE)
        out, _ = await proc.communicate()
        return out

    print(await asyncio.gather(*(run(i) for i in range(4))))

    p = await asyncio.create_subprocess_exec("sleep", "10")
    p.kill()
    print("killed:", await p.wait())
    try:
        p.kill()
    except ProcessLookupError:
        print("ProcessLookupError after exit")
    try:
        await asyncio.create_subprocess_exec("true", text=True)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
