//! Failure handling of multiprocessing (design §4): a worker that raises, is killed, or starts a
//! process while bootstrapping surfaces as an error in the parent, never a hang; Ctrl-C or a
//! parent that dies leaves no worker behind. Every test checks that none of its workers (found
//! by the script path on their command line) is left running.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::util::{self, Scratch};

/// Processes whose command line runs a gilvm worker for `script`.
fn workers_of(script: &Path) -> Vec<u32> {
    let needle = script.to_string_lossy().to_string();
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return found;
    };
    for e in entries.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(raw) = std::fs::read(e.path().join("cmdline")) else {
            continue;
        };
        let cmd = String::from_utf8_lossy(&raw).replace('\0', " ");
        if cmd.contains("__mp-worker") && cmd.contains(&needle) {
            // A zombie has an empty cmdline, so anything found here is still running.
            found.push(pid);
        }
    }
    found
}

/// Wait (a little) until no worker of `script` is left; fail the test otherwise.
pub(crate) fn assert_no_workers(script: &Path) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = workers_of(script);
        if left.is_empty() {
            return;
        }
        if Instant::now() >= deadline {
            for pid in &left {
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            }
            panic!("workers left running after the test: {left:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run_script(name: &str, source: &str) -> (util::Output, Scratch, std::path::PathBuf) {
    let scratch = Scratch::new(name);
    let script = scratch.write(&format!("{name}.py"), source);
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.arg(&script);
    let out = util::run(cmd, b"", util::timeout());
    (out, scratch, script)
}

/// A running gilvm whose stdout lines arrive on a channel.
struct Live {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Live {
    fn start(script: &Path) -> Live {
        let mut child = Command::new(util::gilvm_bin())
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start gilvm");
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Live { child, lines: rx }
    }

    /// The next stdout line starting with `prefix` (within the test timeout).
    fn expect_line(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + util::timeout();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with(prefix) => return line,
                Ok(_) => {}
                Err(_) => {
                    let _ = self.child.kill();
                    panic!("no line starting with {prefix:?} from gilvm");
                }
            }
        }
    }

    /// Wait for the exit status (killing gilvm after the timeout).
    fn wait(&mut self) -> Option<i32> {
        let deadline = Instant::now() + util::timeout();
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return st.code();
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("gilvm did not exit in time");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill {sig} {pid} failed");
}

#[test]
fn worker_exception_prints_traceback_and_exits_1() {
    let (out, _scratch, script) = run_script(
        "mp_raise",
        "import multiprocessing as mp\n\
         def boom(x):\n    raise ValueError('boom ' + str(x))\n\
         if __name__ == '__main__':\n\
         \x20   p = mp.Process(target=boom, args=(7,))\n    p.start()\n    p.join()\n\
         \x20   print('exitcode', p.exitcode)\n",
    );
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "exitcode 1\n", "{}", out.dump());
    assert!(
        out.stderr
            .starts_with("Process Process-1:\nTraceback (most recent call last):\n"),
        "{}",
        out.dump()
    );
    assert!(out.stderr.contains("line 3, in boom"), "{}", out.dump());
    assert!(
        out.stderr.ends_with("ValueError: boom 7\n"),
        "{}",
        out.dump()
    );
    assert_no_workers(&script);
}

#[test]
fn pool_error_is_reraised_with_the_remote_traceback() {
    let (out, _scratch, script) = run_script(
        "mp_pool_raise",
        "import multiprocessing as mp\n\
         def check(x):\n    if x == 3:\n        raise KeyError(x)\n    return x\n\
         if __name__ == '__main__':\n\
         \x20   with mp.Pool(2) as pool:\n        pool.map(check, range(8))\n",
    );
    assert_eq!(out.status, Some(1), "{}", out.dump());
    assert!(
        out.stderr
            .contains("multiprocessing.pool.RemoteTraceback: \n\"\"\"\nTraceback"),
        "{}",
        out.dump()
    );
    assert!(
        out.stderr
            .contains("The above exception was the direct cause"),
        "{}",
        out.dump()
    );
    assert_eq!(out.last_stderr_line(), "KeyError: 3", "{}", out.dump());
    assert_no_workers(&script);
}

#[test]
fn killed_pool_worker_fails_the_pending_call() {
    let scratch = Scratch::new("mp_kill_worker");
    let script = scratch.write(
        "mp_kill_worker.py",
        "import multiprocessing as mp\nimport os, time\n\
         def hang(x):\n    print('pid', os.getpid(), flush=True)\n    time.sleep(60)\n\
         if __name__ == '__main__':\n\
         \x20   with mp.Pool(1) as pool:\n\
         \x20       try:\n            pool.apply(hang, (1,))\n\
         \x20       except mp.ProcessError as e:\n            print('error', e, flush=True)\n\
         \x20       print('after', pool.map(abs, [-1, -2, -3]), flush=True)\n",
    );
    let mut live = Live::start(&script);
    let line = live.expect_line("pid ");
    let pid: u32 = line[4..].trim().parse().expect("a pid");
    let t0 = Instant::now();
    signal(pid, "-9");
    let err = live.expect_line("error ");
    assert!(err.contains("was killed by signal 9"), "{err}");
    // The pool replaced its worker and goes on.
    assert_eq!(live.expect_line("after "), "after [1, 2, 3]");
    assert_eq!(live.wait(), Some(0));
    // Well before the task's 60 s sleep would end (a loaded machine may take seconds).
    assert!(t0.elapsed() < Duration::from_secs(40), "{:?}", t0.elapsed());
    assert_no_workers(&script);
}

#[test]
fn starting_a_process_without_the_main_guard_is_the_bootstrap_error() {
    let (out, _scratch, script) = run_script(
        "mp_no_guard",
        "import multiprocessing as mp\n\
         def f():\n    print('child ran')\n\
         p = mp.Process(target=f)\np.start()\np.join()\nprint('exit', p.exitcode)\n",
    );
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "exit 1\n", "{}", out.dump());
    assert!(out.stderr.contains("RuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."), "{}", out.dump());
    assert_no_workers(&script);
}

const SPINNERS: &str = "import multiprocessing as mp\nimport time\n\
def spin(n):\n    while True:\n        n += 1\n\
if __name__ == '__main__':\n\
\x20   ps = [mp.Process(target=spin, args=(1,)) for _ in range(2)]\n\
\x20   for p in ps:\n        p.start()\n\
\x20   pool = mp.Pool(2)\n\
\x20   print('started', flush=True)\n    time.sleep(60)\n";

fn parent_signal_leaves_no_workers(label: &str, sig: &str) {
    let scratch = Scratch::new(label);
    let script = scratch.write(&format!("{label}.py"), SPINNERS);
    let mut live = Live::start(&script);
    live.expect_line("started");
    // A worker shows up in /proc under its own command line only once it has exec'd: on a
    // loaded machine that can lag behind `start()`, so wait (bounded) for all four.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while workers_of(&script).len() < 4 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        workers_of(&script).len(),
        4,
        "two processes and a pool of two"
    );
    signal(live.child.id(), sig);
    live.wait();
    assert_no_workers(&script);
}

#[test]
fn ctrl_c_in_the_parent_ends_every_worker() {
    parent_signal_leaves_no_workers("mp_sigint", "-INT");
}

#[test]
fn a_killed_parent_leaves_no_worker_running() {
    parent_signal_leaves_no_workers("mp_sigkill", "-9");
}

/// Every differential case of tests/cases/multiprocessing, run from a scratch copy (so its
/// workers can be told apart), leaves no worker behind.
#[test]
fn the_differential_cases_leave_no_workers() {
    let scratch = Scratch::new("mp_cases");
    let dir = util::root().join("tests/cases/multiprocessing");
    let mut scripts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("cases dir").flatten() {
        let path = e.path();
        if path.extension().is_some_and(|x| x == "py") {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let text = std::fs::read(&path).expect("read case");
            scripts.push(scratch.write(&name, text));
        }
    }
    assert!(scripts.len() >= 12, "at least 12 multiprocessing cases");
    for script in &scripts {
        let mut cmd = Command::new(util::gilvm_bin());
        cmd.arg(script).current_dir(&scratch.path);
        let out = util::run(cmd, b"", util::timeout());
        assert!(!out.timed_out, "{}: {}", script.display(), out.dump());
        assert_no_workers(script);
    }
}

#[test]
fn unsendable_values_name_their_type() {
    let (out, _scratch, script) = run_script(
        "mp_unsendable",
        "import multiprocessing as mp\n\
         def gen():\n    yield 1\n\
         if __name__ == '__main__':\n    q = mp.Queue()\n    q.put(gen())\n",
    );
    assert_eq!(out.status, Some(1), "{}", out.dump());
    assert_eq!(
        out.last_stderr_line(),
        "TypeError: cannot send 'generator' object to another process (gilvm sends the built-in values, functions and classes by reference, and instances through __reduce_ex__/__reduce__ or their __dict__)",
        "{}",
        out.dump()
    );
    assert_no_workers(&script);
}

/// Open descriptors and /dev/shm mappings of a process.
fn fds_and_shm_maps(pid: u32) -> (usize, usize) {
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|d| d.count())
        .unwrap_or(0);
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("/dev/shm/"))
        .count();
    (fds, maps)
}

/// Processes started and joined one after another free what they hold: the parent's open
/// descriptors and shared-memory mappings stay flat. (Found by scripts/soak.py: every started
/// Process kept its socket to the worker, and its Value/Lock arguments, until the end of the
/// run — 3 descriptors and 2 mappings per process.)
#[test]
fn finished_processes_release_their_descriptors() {
    use std::io::Write;
    let scratch = Scratch::new("mp_fd_leak");
    let script = scratch.write(
        "mp_fd_leak.py",
        "import multiprocessing as mp\n\
         def bump(v, lock):\n    with lock:\n        v.value += 1\n\
         if __name__ == '__main__':\n\
         \x20   for i in range(45):\n\
         \x20       v = mp.Value('q', 0, lock=False)\n\
         \x20       lock = mp.Lock()\n\
         \x20       q = mp.Queue()\n\
         \x20       p = mp.Process(target=bump, args=(v, lock))\n\
         \x20       p.start()\n        p.join()\n\
         \x20       assert v.value == 1 and p.exitcode == 0\n\
         \x20       if i in (4, 44):\n\
         \x20           print('mark', i, flush=True)\n            input()\n\
         \x20   print('done', len(mp.active_children()), flush=True)\n",
    );
    let mut child = Command::new(util::gilvm_bin())
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("cannot start gilvm");
    let mut stdin = child.stdin.take().expect("stdin");
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next_line = |child: &mut Child| match rx.recv_timeout(util::timeout()) {
        Ok(line) => line,
        Err(_) => {
            let _ = child.kill();
            panic!("gilvm printed nothing in time");
        }
    };
    let mut counts = Vec::new();
    for mark in ["mark 4", "mark 44"] {
        assert_eq!(next_line(&mut child), mark);
        counts.push(fds_and_shm_maps(child.id()));
        stdin.write_all(b"\n").expect("write to gilvm");
        stdin.flush().expect("flush");
    }
    assert_eq!(next_line(&mut child), "done 0");
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
    let ((fds5, maps5), (fds45, maps45)) = (counts[0], counts[1]);
    // A broker thread may still hold the socket of the process just joined: allow 2.
    assert!(
        fds45 <= fds5 + 2,
        "descriptors grew from {fds5} to {fds45} over 40 processes"
    );
    assert!(
        maps45 <= maps5 + 2,
        "/dev/shm mappings grew from {maps5} to {maps45} over 40 processes"
    );
    assert_no_workers(&script);
}
