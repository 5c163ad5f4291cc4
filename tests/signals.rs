//! Ctrl-C: SIGINT raises KeyboardInterrupt in the main thread, also while it sleeps, joins or
//! waits on a lock, an event, a queue, the event loop or a child process. Each test starts the
//! script in a fresh process group (as a terminal's foreground job), waits for the script's
//! `ready` line on its stdout (never a sleep-and-hope), sends SIGINT, and checks how the run
//! ended. python3 runs the same script with the same signals and is the oracle: same stdout,
//! same way of ending (an uncaught KeyboardInterrupt ends CPython by SIGINT: status 130 in a
//! shell), same last stderr line. Every test kills its process group if anything goes wrong.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, killpg, Signal};
use nix::unistd::Pid;

use crate::util::{self, Scratch};

/// How long a run may take in all (a debug gilvm on a loaded 2-core machine is slow; a run
/// that takes this long is hung).
fn deadline() -> Duration {
    util::timeout_or(Duration::from_secs(60))
}

/// How a run ended.
#[derive(Debug)]
struct Ended {
    stdout: String,
    stderr: String,
    status: ExitStatus,
    /// The process id the run had.
    pid: u32,
}

impl Ended {
    /// `exit N` or `signal N` (an uncaught KeyboardInterrupt is `signal 2`, as in CPython).
    fn how(&self) -> String {
        match (self.status.code(), self.status.signal()) {
            (Some(code), _) => format!("exit {code}"),
            (None, Some(sig)) => format!("signal {sig}"),
            _ => "unknown".into(),
        }
    }

    fn dump(&self) -> String {
        format!(
            "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.how(),
            self.stdout,
            self.stderr
        )
    }
}

/// A script running in its own process group; killed (the whole group) when dropped early.
struct Running {
    child: Option<Child>,
    pgid: Pid,
    lines: mpsc::Receiver<String>,
    stdout: Vec<String>,
    stderr: Option<JoinHandle<String>>,
    started: Instant,
    /// The program, for failure messages.
    program: String,
}

impl Running {
    fn start(program: &Path, args: &[&str], script: &Path) -> Running {
        let mut child = Command::new(program)
            .args(args)
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
        let (tx, rx) = mpsc::channel();
        let out = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut err = child.stderr.take().expect("stderr");
        let stderr = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        });
        let pgid = Pid::from_raw(child.id() as i32);
        Running {
            child: Some(child),
            pgid,
            lines: rx,
            stdout: Vec::new(),
            stderr: Some(stderr),
            started: Instant::now(),
            program: program.display().to_string(),
        }
    }

    fn left(&self) -> Duration {
        deadline().saturating_sub(self.started.elapsed())
    }

    /// Wait for the next stdout line equal to `marker` (keeping every line seen).
    fn expect(&mut self, marker: &str) {
        loop {
            match self.lines.recv_timeout(self.left()) {
                Ok(line) => {
                    let found = line == marker;
                    self.stdout.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => panic!(
                    "{}: no {marker:?} line within {:?}; stdout so far: {:?}",
                    self.program,
                    deadline(),
                    self.stdout
                ),
            }
        }
    }

    /// Wait until the main Python thread sleeps (state `S` on three samples in a row, 10 ms
    /// apart): it has entered its wait. A thread that runs or waits for the CPU is `R`.
    fn wait_blocked(&self) {
        let pid = self.pgid.as_raw() as u32;
        let mut asleep = 0;
        while asleep < 3 {
            if self.left().is_zero() {
                panic!(
                    "{}: the main thread never blocked; stdout so far: {:?}",
                    self.program, self.stdout
                );
            }
            match main_thread_state(pid) {
                Some('S') => asleep += 1,
                Some(_) => asleep = 0,
                None => return, // already gone: the end is checked by the caller
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// SIGINT to the leader only (`kill`), or to the whole group (`killpg`, what a terminal's
    /// Ctrl-C does).
    fn interrupt(&self, group: bool) {
        let sent = if group {
            killpg(self.pgid, Signal::SIGINT)
        } else {
            kill(self.pgid, Signal::SIGINT)
        };
        sent.expect("cannot send SIGINT");
    }

    /// Wait for the end (within the deadline) and collect the outputs.
    fn finish(mut self) -> Ended {
        let mut child = self.child.take().expect("child");
        let status = loop {
            if let Some(status) = child.try_wait().expect("try_wait") {
                break status;
            }
            if self.left().is_zero() {
                let _ = killpg(self.pgid, Signal::SIGKILL);
                let _ = child.wait();
                let stderr = self.stderr.take().and_then(|h| h.join().ok());
                panic!(
                    "{}: the run did not end within {:?} of its start; stdout: {:?}\n\
                     stderr: {}",
                    self.program,
                    deadline(),
                    self.stdout,
                    stderr.unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.stdout.push(line);
        }
        let stderr = self.stderr.take().and_then(|h| h.join().ok());
        let mut stdout = self.stdout.join("\n");
        if !stdout.is_empty() {
            stdout.push('\n');
        }
        Ended {
            stdout,
            stderr: stderr.unwrap_or_default(),
            status,
            pid: self.pgid.as_raw() as u32,
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = killpg(self.pgid, Signal::SIGKILL);
            let _ = child.wait();
        }
    }
}

/// One step of a scenario.
#[derive(Clone, Copy)]
enum Step {
    /// Wait for this stdout line.
    Line(&'static str),
    /// Wait until the main Python thread is blocked (in the wait under test: the script prints
    /// its marker right before it), then send SIGINT.
    Interrupt,
    /// Send SIGINT now (the main thread is running, not waiting).
    InterruptRunning,
}

use Step::{Interrupt, InterruptRunning, Line};

/// The usual scenario: `ready`, then one Ctrl-C once the main thread waits.
const ONCE: &[Step] = &[Line("ready"), Interrupt];

/// The state letter (`R`, `S`, ...) of the thread running the main Python thread: gilvm's
/// interpreter thread is named `gilvm-main`; CPython's is the process's first thread.
fn main_thread_state(pid: u32) -> Option<char> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut tid = pid.to_string();
    for t in tasks.flatten() {
        let comm = std::fs::read_to_string(t.path().join("comm")).unwrap_or_default();
        if comm.trim_end() == "gilvm-main" {
            tid = t.file_name().to_string_lossy().to_string();
        }
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/stat")).ok()?;
    stat.rfind(')')
        .and_then(|i| stat[i + 1..].split_whitespace().next())
        .and_then(|s| s.chars().next())
}

/// Run `script` with `program` (+ `args`), playing `steps`; Ctrl-C goes to the process group
/// when `group`.
fn play(program: &Path, args: &[&str], script: &Path, steps: &[Step], group: bool) -> Ended {
    let mut run = Running::start(program, args, script);
    for step in steps {
        match step {
            Line(marker) => run.expect(marker),
            Interrupt => {
                run.wait_blocked();
                run.interrupt(group);
            }
            InterruptRunning => run.interrupt(group),
        }
    }
    let pgid = run.pgid;
    let ended = run.finish();
    assert_group_gone(pgid, &ended);
    ended
}

/// Processes (not zombies) still in process group `pgid`.
fn group_members(pgid: Pid) -> Vec<u32> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return found;
    };
    for e in entries.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // After the parenthesised command: state, ppid, pgrp.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.len() > 2 && fields[0] != "Z" && fields[2] == pgid.as_raw().to_string() {
            found.push(pid);
        }
    }
    found
}

/// Nothing of the run may be left: no process of its group (workers included) survives it.
fn assert_group_gone(pgid: Pid, ended: &Ended) {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let left = group_members(pgid);
        if left.is_empty() {
            return;
        }
        if Instant::now() >= until {
            let _ = killpg(pgid, Signal::SIGKILL);
            panic!(
                "processes of the run left behind: {left:?}\n{}",
                ended.dump()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn gilvm(script: &Path, steps: &[Step], group: bool) -> Ended {
    play(&util::gilvm_bin(), &[], script, steps, group)
}

fn python(script: &Path, steps: &[Step], group: bool) -> Ended {
    let python = util::python3();
    play(
        Path::new(&python),
        &["-I", "-X", "utf8"],
        script,
        steps,
        group,
    )
}

/// What must match CPython.
#[derive(Clone, Copy, PartialEq)]
enum Compare {
    /// stdout's lines in any order (several processes write them), the way the run ended,
    /// and the last stderr line.
    Unordered,
    /// stdout and the way the run ended (stderr has several writers in no fixed order).
    Stdout,
    /// ... and the last stderr line.
    LastLine,
    /// ... and the whole of stderr (tracebacks with user frames only).
    Stderr,
}

/// Run `source` under gilvm and python3 with the same steps; compare; return gilvm's run.
fn differential(label: &str, source: &str, steps: &[Step], group: bool, cmp: Compare) -> Ended {
    let scratch = Scratch::new(label);
    let script = scratch.write(&format!("{label}.py"), source);
    let ours = gilvm(&script, steps, group);
    let theirs = python(&script, steps, group);
    let lines = |text: &str| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if cmp == Compare::Unordered {
            lines.sort_unstable();
        }
        lines
    };
    assert_eq!(
        lines(&ours.stdout),
        lines(&theirs.stdout),
        "stdout differs from python3's\n--- gilvm: {}\n--- python3: {}",
        ours.dump(),
        theirs.dump()
    );
    assert_eq!(
        ours.how(),
        theirs.how(),
        "gilvm ended differently from python3\n--- gilvm: {}\n--- python3: {}",
        ours.dump(),
        theirs.dump()
    );
    assert!(
        cmp == Compare::Stdout || util::last_line(&ours.stderr) == util::last_line(&theirs.stderr),
        "last stderr line differs\n--- gilvm: {}\n--- python3: {}",
        ours.dump(),
        theirs.dump()
    );
    if cmp == Compare::Stderr {
        assert_eq!(
            ours.stderr,
            theirs.stderr,
            "stderr differs from python3's\n{}",
            util::short_diff(&theirs.stderr, &ours.stderr, 20)
        );
    }
    ours
}

/// An uncaught KeyboardInterrupt: a traceback on stderr and the end by SIGINT (130).
fn assert_interrupted(run: &Ended) {
    assert_eq!(run.how(), "signal 2", "{}", run.dump());
    assert!(
        run.stderr
            .starts_with("Traceback (most recent call last):\n"),
        "{}",
        run.dump()
    );
    assert!(
        run.stderr.ends_with("\nKeyboardInterrupt\n"),
        "{}",
        run.dump()
    );
}

#[test]
fn uncaught_in_a_cpu_loop_prints_the_traceback_and_ends_by_sigint() {
    let run = differential(
        "sig_cpu",
        "print('ready', flush=True)\nn = 0\nwhile True:\n    n += 1\n",
        &[Line("ready"), InterruptRunning],
        false,
        Compare::LastLine,
    );
    assert_interrupted(&run);
    // The traceback names a line of the module (where it was: the loop, or the end of the
    // `print` when the signal came that early).
    assert!(run.stderr.contains(", in <module>\n"), "{}", run.dump());
}

#[test]
fn caught_in_except_and_the_program_goes_on() {
    let run = differential(
        "sig_caught",
        "def spin():\n    n = 0\n    while True:\n        n += 1\n\
         try:\n    print('ready', flush=True)\n    spin()\nexcept KeyboardInterrupt as e:\n    \
         print('caught', type(e).__name__, e.args)\nprint('after')\n",
        &[Line("ready"), InterruptRunning],
        false,
        Compare::Stderr,
    );
    assert_eq!(run.how(), "exit 0");
    assert_eq!(run.stdout, "ready\ncaught KeyboardInterrupt ()\nafter\n");
}

#[test]
fn during_time_sleep() {
    let run = differential(
        "sig_sleep",
        "import time\nprint('ready', flush=True)\ntime.sleep(100)\nprint('not reached')\n",
        ONCE,
        false,
        Compare::Stderr,
    );
    assert_interrupted(&run);
}

#[test]
fn finally_blocks_run() {
    let run = differential(
        "sig_finally",
        "import time\ndef f():\n    try:\n        print('ready', flush=True)\n        \
         time.sleep(100)\n    finally:\n        print('inner finally')\n\
         try:\n    f()\nfinally:\n    print('outer finally')\n",
        ONCE,
        false,
        Compare::Stderr,
    );
    assert_interrupted(&run);
    assert_eq!(run.stdout, "ready\ninner finally\nouter finally\n");
}

#[test]
fn during_thread_join() {
    let run = differential(
        "sig_join",
        "import threading, time\n\
         t = threading.Thread(target=time.sleep, args=(100,), daemon=True)\nt.start()\n\
         print('ready', flush=True)\ntry:\n    t.join()\nexcept KeyboardInterrupt:\n    \
         print('join interrupted')\n",
        ONCE,
        false,
        Compare::LastLine,
    );
    assert_eq!(run.how(), "exit 0");
}

#[test]
fn during_lock_acquire_the_lock_stays_not_acquired() {
    // A second (sleeping) thread keeps this from being a deadlock: CPython would hang, gilvm
    // would report a deadlock; with it both wait until Ctrl-C.
    let run = differential(
        "sig_lock",
        "import threading, time\nlock = threading.Lock()\nlock.acquire()\n\
         threading.Thread(target=time.sleep, args=(100,), daemon=True).start()\n\
         print('ready', flush=True)\ntry:\n    lock.acquire()\nexcept KeyboardInterrupt:\n    \
         print('interrupted')\nlock.release()\nprint(lock.acquire(False), lock.locked())\n\
         r = threading.RLock()\nheld = threading.Event()\n\
         def hold():\n    with r:\n        held.set()\n        time.sleep(100)\n\
         threading.Thread(target=hold, daemon=True).start()\nheld.wait()\n\
         print('ready', flush=True)\ntry:\n    r.acquire()\nexcept KeyboardInterrupt:\n    \
         print('rlock interrupted')\n",
        &[Line("ready"), Interrupt, Line("ready"), Interrupt],
        false,
        Compare::Stderr,
    );
    assert_eq!(
        run.stdout,
        "ready\ninterrupted\nTrue True\nready\nrlock interrupted\n"
    );
}

#[test]
fn during_event_wait_queue_get_and_condition_wait() {
    let run = differential(
        "sig_waits",
        "import threading, time, queue\n\
         threading.Thread(target=time.sleep, args=(100,), daemon=True).start()\n\
         e = threading.Event()\nq = queue.Queue()\nc = threading.Condition()\n\
         print('ready', flush=True)\ntry:\n    e.wait()\nexcept KeyboardInterrupt:\n    \
         print('event')\nprint('ready', flush=True)\ntry:\n    q.get()\n\
         except KeyboardInterrupt:\n    print('queue')\nq.put(1)\nprint(q.get())\n\
         print('ready', flush=True)\ntry:\n    with c:\n        c.wait()\n\
         except KeyboardInterrupt:\n    print('condition')\n\
         s = threading.Semaphore(0)\nprint('ready', flush=True)\ntry:\n    s.acquire()\n\
         except KeyboardInterrupt:\n    print('semaphore')\nprint('end')\n",
        &[
            Line("ready"),
            Interrupt,
            Line("ready"),
            Interrupt,
            Line("ready"),
            Interrupt,
            Line("ready"),
            Interrupt,
        ],
        false,
        Compare::LastLine,
    );
    assert_eq!(
        run.stdout,
        "ready\nevent\nready\nqueue\n1\nready\ncondition\nready\nsemaphore\nend\n"
    );
}

#[test]
fn only_the_main_thread_gets_it_and_other_threads_keep_running() {
    let run = differential(
        "sig_threads",
        "import threading, time\nstop = False\ncount = 0\n\
         def work():\n    global count\n    while not stop:\n        count += 1\n\
         t = threading.Thread(target=work)\nt.start()\n\
         try:\n    print('ready', flush=True)\n    while True:\n        pass\n\
         except KeyboardInterrupt:\n    \
         print('main interrupted', t.is_alive())\nstop = True\nt.join()\nprint('worker ended')\n",
        &[Line("ready"), InterruptRunning],
        false,
        Compare::Stderr,
    );
    assert_eq!(run.how(), "exit 0");
}

#[test]
fn asyncio_run_cancels_the_main_task_then_raises() {
    let run = differential(
        "sig_asyncio",
        "import asyncio\nasync def child():\n    try:\n        await asyncio.sleep(100)\n    \
         finally:\n        print('child finally')\nasync def main():\n    \
         t = asyncio.create_task(child())\n    await asyncio.sleep(0)\n    \
         print('ready', flush=True)\n    try:\n        await t\n    finally:\n        \
         print('main finally')\ntry:\n    asyncio.run(main())\nexcept KeyboardInterrupt:\n    \
         print('caught')\nprint('ready', flush=True)\nasyncio.run(asyncio.sleep(100))\n",
        &[Line("ready"), Interrupt, Line("ready"), Interrupt],
        false,
        Compare::LastLine,
    );
    assert_eq!(
        run.stdout,
        "ready\nchild finally\nmain finally\ncaught\nready\n"
    );
    assert_eq!(run.how(), "signal 2");
}

#[test]
fn asyncio_main_task_that_swallows_the_cancellation_returns() {
    let run = differential(
        "sig_asyncio_swallow",
        "import asyncio\nasync def main():\n    print('ready', flush=True)\n    try:\n        \
         await asyncio.sleep(100)\n    except asyncio.CancelledError:\n        \
         print('cancelled')\n        return 5\nprint(asyncio.run(main()))\n",
        ONCE,
        false,
        Compare::Stderr,
    );
    assert_eq!(run.stdout, "ready\ncancelled\n5\n");
    assert_eq!(run.how(), "exit 0");
}

#[test]
fn asyncio_ctrl_c_during_a_socket_wait_cancels_the_main_task() {
    // The loop waits in poll(2) on the socket: the Ctrl-C wakes it through its self-pipe.
    let run = differential(
        "sig_asyncio_socket",
        "import asyncio, socket\nasync def main():\n    a, b = socket.socketpair()\n    \
         a.setblocking(False)\n    print('ready', flush=True)\n    try:\n        \
         await asyncio.get_running_loop().sock_recv(a, 1)\n    \
         except asyncio.CancelledError:\n        print('cancelled')\n        raise\n\
         asyncio.run(main())\n",
        ONCE,
        false,
        Compare::LastLine,
    );
    assert_eq!(run.stdout, "ready\ncancelled\n");
    assert_eq!(run.how(), "signal 2");
}

#[test]
fn non_daemon_threads_are_waited_for_and_a_second_ctrl_c_ends_the_wait() {
    // The first Ctrl-C ends the main script; the exit waits for the non-daemon thread; the
    // second one ends that wait ("Exception ignored in: <module 'threading' ...>").
    let run = differential(
        "sig_shutdown",
        "import threading, time\n\
         t = threading.Thread(target=time.sleep, args=(100,))\nt.start()\n\
         print('ready', flush=True)\ntry:\n    time.sleep(100)\nfinally:\n    \
         print('waiting', flush=True)\n",
        &[Line("ready"), Interrupt, Line("waiting"), Interrupt],
        false,
        Compare::LastLine,
    );
    assert!(
        run.stderr
            .contains("Exception ignored in: <module 'threading'"),
        "{}",
        run.dump()
    );
    assert_eq!(run.how(), "signal 2");
}

#[test]
fn multiprocessing_child_and_parent_both_get_it_and_nothing_is_left() {
    // Ctrl-C to the whole process group, as in a terminal: the child prints its
    // KeyboardInterrupt (`Process Process-1:`) and exits 1, the parent's join is interrupted.
    // `play` checks that no process of the group survives.
    let source = "import multiprocessing as mp, time\n\
        def child(v):\n    try:\n        v.value = 1\n        time.sleep(100)\n    finally:\n        \
        print('child finally', flush=True)\n\
        if __name__ == '__main__':\n    mp.set_start_method('spawn')\n    \
        v = mp.Value('i', 0)\n    p = mp.Process(target=child, args=(v,))\n    p.start()\n    \
        while v.value == 0:\n        time.sleep(0.01)\n    print('ready', flush=True)\n    \
        try:\n        p.join()\n    finally:\n        print('parent finally', flush=True)\n";
    let run = differential("sig_mp", source, ONCE, true, Compare::Unordered);
    // Two processes write stderr: the parent's traceback and the child's, in either order.
    assert_eq!(run.how(), "signal 2", "{}", run.dump());
    assert!(run.stderr.contains("    p.join()\n"), "{}", run.dump());
    assert!(
        run.stderr.contains("Process Process-1:\n"),
        "{}",
        run.dump()
    );
    let mut lines: Vec<&str> = run.stdout.lines().collect();
    lines.sort_unstable();
    assert_eq!(lines, ["child finally", "parent finally", "ready"]);
    // The shared Value's memory is a file gilvm unlinks as soon as it is made: none is left.
    let prefix = format!("gilvm-mp-{}-", run.pid);
    let leaked: Vec<String> = std::fs::read_dir("/dev/shm")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    assert!(
        leaked.is_empty(),
        "shared memory left in /dev/shm: {leaked:?}"
    );
}

#[test]
fn multiprocessing_pool_wait_is_interrupted_and_the_pool_ends() {
    let source = "import multiprocessing as mp, time\n\
        def f(x):\n    time.sleep(100)\n    return x\n\
        if __name__ == '__main__':\n    mp.set_start_method('spawn')\n    \
        with mp.Pool(2) as pool:\n        r = pool.map_async(f, [1, 2])\n        \
        print('ready', flush=True)\n        try:\n            r.get()\n        \
        except KeyboardInterrupt:\n            print('interrupted')\n    print('end')\n";
    let run = differential("sig_pool", source, ONCE, true, Compare::Stdout);
    assert_eq!(run.how(), "exit 0");
}

#[test]
fn ctrl_c_to_the_parent_alone_stops_its_children() {
    // Only the parent gets SIGINT (`kill`, not the group): its join raises, and at exit gilvm
    // terminates the child it would otherwise wait for (CPython joins it: 100 s here, so this
    // one is not compared with python3).
    let scratch = Scratch::new("sig_mp_parent");
    let script = scratch.write(
        "sig_mp_parent.py",
        "import multiprocessing as mp, time\n\
         def child():\n    time.sleep(100)\n\
         if __name__ == '__main__':\n    p = mp.Process(target=child)\n    p.start()\n    \
         print('ready', flush=True)\n    p.join()\n",
    );
    let run = gilvm(&script, ONCE, false);
    assert_interrupted(&run);
}

#[test]
fn a_deadlocked_looking_wait_with_a_timeout_is_interruptible() {
    // The main thread waits (with a timeout) on a lock nobody will release, while nothing else
    // runs: the deadlock detector leaves timed waits alone; Ctrl-C ends it.
    let run = differential(
        "sig_timed_lock",
        "import threading\nlock = threading.Lock()\nlock.acquire()\n\
         print('ready', flush=True)\nprint(lock.acquire(timeout=100))\n",
        ONCE,
        false,
        // CPython underlines `lock.acquire(...)` in `print(...)`; gilvm prints no carets.
        Compare::LastLine,
    );
    assert_interrupted(&run);
}

#[test]
fn a_ctrl_c_during_start_up_ends_the_run() {
    // No `ready` wait here: SIGINT arrives while gilvm starts (before its handler exists, it
    // ends gilvm by its default action, as during CPython's start-up) or runs the loop; either
    // way the run ends by SIGINT, never hangs or ignores it.
    let scratch = Scratch::new("sig_early");
    let script = scratch.write(
        "sig_early.py",
        "import time\nwhile True:\n    time.sleep(0.01)\n",
    );
    for _ in 0..3 {
        let run = Running::start(&util::gilvm_bin(), &[], &script);
        std::thread::sleep(Duration::from_millis(5));
        run.interrupt(false);
        let pgid = run.pgid;
        let ended = run.finish();
        assert_group_gone(pgid, &ended);
        assert_eq!(ended.how(), "signal 2", "{}", ended.dump());
    }
}
