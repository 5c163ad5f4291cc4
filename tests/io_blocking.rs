//! Real I/O releases the GIL: a thread blocked in `socket.recv`, `socket.accept` or
//! `subprocess` `communicate` lets the main thread run meanwhile (it spins and, for the
//! socket cases, is the one that unblocks the other), the blocked time shows as *blocked* in
//! `--stats-json`, and afterwards no descriptor or child process is left behind.

use crate::util::{self, Scratch};

const SCRIPT: &str = r#"
import os, socket, subprocess, sys, threading, time

kind = sys.argv[1]
fds_before = sorted(os.listdir("/proc/self/fd"))
finished = []
a, b = socket.socketpair()
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]


def blocker():
    if kind == "recv":
        print("received", b.recv(10))
    elif kind == "accept":
        conn, _ = srv.accept()
        conn.close()
        print("accepted")
    else:
        r = subprocess.run(["sh", "-c", "sleep 0.4; echo child"], capture_output=True)
        print("communicated", r.stdout)
    finished.append(1)


t = threading.Thread(target=blocker, name="blocker")
t.start()
start = time.monotonic()
spins = 0
poked = False
client = None
while not finished:
    spins += 1
    if not poked and time.monotonic() - start > 0.4:
        poked = True
        if kind == "recv":
            a.send(b"ping")
        elif kind == "accept":
            client = socket.create_connection(("127.0.0.1", port))
t.join()
if client is not None:
    client.close()
for s in (a, b, srv):
    s.close()
print("main ran meanwhile:", spins > 1000)
print("fds back as before:", sorted(os.listdir("/proc/self/fd")) == fds_before)
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left")
"#;

fn run(kind: &str, first: &str) {
    let scratch = Scratch::new(&format!("io-blocking-{kind}"));
    let script = scratch.write("blocking.py", SCRIPT);
    let (out, threads) = util::run_with_thread_stats(&scratch, &script, &[kind]);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(
        out.stdout,
        format!("{first}\nmain ran meanwhile: True\nfds back as before: True\nno child left\n"),
        "{}",
        out.dump()
    );
    let blocker = util::thread_named(&threads, "blocker");
    let main = util::thread_named(&threads, "MainThread");
    assert!(
        blocker["blocked_ns"].as_u64().unwrap() >= 300_000_000,
        "{kind}: the blocked call should count as blocked: {blocker}"
    );
    assert!(
        main["running_ns"].as_u64().unwrap() >= 300_000_000,
        "{kind}: the main thread should have run meanwhile: {main}"
    );
}

#[test]
fn a_thread_in_recv_lets_others_run() {
    run("recv", "received b'ping'");
}

#[test]
fn a_thread_in_accept_lets_others_run() {
    run("accept", "accepted");
}

#[test]
fn a_thread_in_communicate_lets_others_run() {
    run("communicate", "communicated b'child\\n'");
}
