//! The event loop waits in poll(2) with the GIL released: while `asyncio.run` waits on a
//! socket (`loop.sock_recv`) another thread runs — it spins, then sends the bytes the loop is
//! waiting for — and the wait shows as *blocked* for the main thread in `--stats-json`; a
//! `call_soon_threadsafe` from another thread wakes a loop that has no timer and no
//! descriptor to wait on (the self-pipe). Afterwards no descriptor is left open (the
//! self-pipe, the sockets, the server's and the streams' sockets, a child's pipes).

use crate::util::{self, Scratch};

const SCRIPT: &str = r#"
import asyncio, os, socket, threading, time

fds_before = sorted(os.listdir("/proc/self/fd"))
a, b = socket.socketpair()
a.setblocking(False)
spins = 0


def spinner():
    global spins
    start = time.monotonic()
    while time.monotonic() - start < 0.4:
        spins += 1
    b.send(b"ping")


async def wait_on_socket():
    loop = asyncio.get_running_loop()
    t = threading.Thread(target=spinner, name="spinner")
    t.start()
    data = await loop.sock_recv(a, 10)
    t.join()
    return data


print("received", asyncio.run(wait_on_socket()))
print("spinner ran meanwhile:", spins > 1000)


async def woken_by_thread():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    threading.Timer(0.2, loop.call_soon_threadsafe, (fut.set_result, "woken")).start()
    return await fut


print(asyncio.run(woken_by_thread()))


async def streams():
    async def echo(reader, writer):
        writer.write(await reader.read(100))
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hi")
        got = await reader.read()
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.05)
    return got


print("echoed", asyncio.run(streams()))


async def child():
    p = await asyncio.create_subprocess_exec(
        "sh", "-c", "cat; echo err >&2", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    return await p.communicate(b"abc")


print("child", asyncio.run(child()))
a.close()
b.close()
print("fds back as before:", sorted(os.listdir("/proc/self/fd")) == fds_before)
"#;

#[test]
fn a_loop_waiting_on_a_socket_lets_other_threads_run_and_leaves_no_fd() {
    let scratch = Scratch::new("asyncio-io");
    let script = scratch.write("loop.py", SCRIPT);
    let (out, threads) = util::run_with_thread_stats(&scratch, &script, &[]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(
        out.stdout,
        "received b'ping'\nspinner ran meanwhile: True\nwoken\nechoed b'hi'\n\
         child (b'abc', b'err\\n')\nfds back as before: True\n",
        "{}",
        out.dump()
    );
    let main = util::thread_named(&threads, "MainThread");
    let spinner = util::thread_named(&threads, "spinner");
    assert!(
        main["blocked_ns"].as_u64().unwrap() >= 300_000_000,
        "the loop's wait should count as blocked: {main}"
    );
    assert!(
        spinner["running_ns"].as_u64().unwrap() >= 300_000_000,
        "the spinner should have run while the loop waited: {spinner}"
    );
}
