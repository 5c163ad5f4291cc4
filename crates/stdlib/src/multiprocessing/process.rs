//! Starting workers and watching them: the per-process multiprocessing state, the record of each
//! child, and the broker thread that serves a child's requests and notices its end.
//!
//! A worker is this same executable run as `gilvm __mp-worker [--switch-... ] [--gil-stats
//! [--gil-trace]] SCRIPT`, with its
//! stdin being one end of a Unix socket pair whose other end the parent keeps. The parent first
//! sends the descriptors the worker needs (pipe ends, shared memory) with SCM_RIGHTS, then the
//! [`Start`] message; from then on frames flow both ways (see wire.rs). The worker stays in the
//! parent's process group (Ctrl-C in a terminal reaches it too) and exits when its socket to
//! the parent closes, so a parent that dies leaves no worker behind.

use std::collections::HashMap;
use std::io::IoSlice;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::ExitStatusExt;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use super::link::ParentLink;
use super::pool::PoolCore;
use super::queue::QueueCore;
use super::wire::{self, Reply, Start, ToParent, ToWorker};
use gilvm_vm::runtime::interrupt::Stop;

/// What this OS process knows about multiprocessing.
pub struct MpState {
    /// Children started by this process (for `active_children` and the exit-time join).
    pub children: Mutex<Vec<Arc<Child>>>,
    /// Queues created here, by id, for the brokers serving children.
    pub queues: Mutex<HashMap<u64, Weak<QueueCore>>>,
    pub next_id: AtomicU64,
    /// CPython's `_process_counter`: numbers "Process-N" and pool workers alike.
    pub counter: AtomicU32,
    /// Set in a worker: its name and its link to the parent.
    pub worker: OnceLock<WorkerInfo>,
}

pub struct WorkerInfo {
    pub name: String,
    pub link: Arc<ParentLink>,
    pub parent_pid: u32,
    /// True while the worker runs the main script as `__mp_main__` (starting a process then is
    /// the bootstrapping error).
    pub bootstrapping: std::sync::atomic::AtomicBool,
}

pub fn state() -> &'static MpState {
    static STATE: OnceLock<MpState> = OnceLock::new();
    STATE.get_or_init(|| MpState {
        children: Mutex::new(Vec::new()),
        queues: Mutex::new(HashMap::new()),
        next_id: AtomicU64::new(1),
        counter: AtomicU32::new(0),
        worker: OnceLock::new(),
    })
}

/// The name of the current process ("MainProcess" or the worker's).
pub fn current_name() -> String {
    match state().worker.get() {
        Some(w) => w.name.clone(),
        None => "MainProcess".to_string(),
    }
}

/// The next child name: "Process-3" in the main process, "Process-1:2" in worker Process-1
/// (the prefix is the class name: "Worker-4" for a `Process` subclass `Worker`; the worker's
/// own number is read from its name, as CPython's `_identity` is not passed).
pub fn next_name(prefix: &str) -> String {
    let n = state().counter.fetch_add(1, Ordering::Relaxed) + 1;
    match state().worker.get() {
        Some(w) if prefix != "SpawnPoolWorker" => {
            let identity = w
                .name
                .rsplit_once('-')
                .map_or(w.name.as_str(), |(_, id)| id);
            format!("{prefix}-{identity}:{n}")
        }
        _ => format!("{prefix}-{n}"),
    }
}

/// Lock a mutex, ignoring poisoning (a panicking broker must not take the parent down).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Who a child works for: a Process object, or a pool (with the worker's index).
pub enum Owner {
    Process,
    Pool(Weak<PoolCore>, usize),
}

/// One started worker.
pub struct Child {
    pub pid: u32,
    pub name: String,
    pub daemon: bool,
    writer: Mutex<UnixStream>,
    /// `Some(exitcode)` once the worker has ended (negative: killed by that signal).
    status: Mutex<Option<i32>>,
    cond: Condvar,
}

impl std::fmt::Debug for Child {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Child({}, pid {})", self.name, self.pid)
    }
}

impl Child {
    /// Send a message to the worker (errors mean it is gone; its end is noticed by the broker).
    pub fn send(&self, msg: &ToWorker) -> bool {
        wire::write_msg(&mut *lock(&self.writer), msg).is_ok()
    }

    pub fn exitcode(&self) -> Option<i32> {
        *lock(&self.status)
    }

    /// Wait for the worker's end; `None` on timeout.
    pub fn wait(&self, timeout: Option<Duration>) -> Option<i32> {
        self.wait_or_stop(timeout, &Stop::never())
    }

    /// Wait for the worker's end; `None` on timeout or when `stop` asks (Ctrl-C).
    pub fn wait_or_stop(&self, timeout: Option<Duration>, stop: &Stop) -> Option<i32> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut st = lock(&self.status);
        loop {
            if let Some(code) = *st {
                return Some(code);
            }
            if stop.requested() {
                return None;
            }
            match deadline {
                None => st = self.cond.wait(st).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return None;
                    }
                    st = self
                        .cond
                        .wait_timeout(st, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
    }

    /// Wake the waits on this worker's end (to look at their `Stop`).
    pub fn wake(&self) {
        let _st = lock(&self.status);
        self.cond.notify_all();
    }

    /// Send a signal unless the worker has already been reaped (its pid may be reused then).
    pub fn signal(&self, sig: nix::sys::signal::Signal) {
        let st = lock(&self.status);
        if st.is_none() {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.pid as i32), sig);
        }
    }
}

/// What a worker inherits besides its start message (which carries the switch settings,
/// `wire::GilStart`): whether it reports its threads' GIL statistics (`report`, see
/// reports.rs) with their events (`tracing`).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub report: bool,
    pub tracing: bool,
    /// The run's limits, passed on to the worker (tree.rs).
    pub max_instructions: Option<u64>,
    pub max_memory_mb: Option<u64>,
}

/// Start a worker: spawn the executable, pass `fds`, send `start`, and watch it.
/// The environment variable through which a worker learns it is daemonic (a daemon `Process`
/// or a `Pool` worker), so that it refuses to start children as CPython does.
pub const DAEMONIC_ENV: &str = "GILVM_MP_DAEMONIC";

pub fn spawn(
    settings: Settings,
    start: Start,
    fds: &[OwnedFd],
    daemon: bool,
    owner: Owner,
) -> std::io::Result<Arc<Child>> {
    let exe = std::env::current_exe()?;
    let (ours, theirs) = UnixStream::pair()?;
    let mut command = std::process::Command::new(exe);
    command
        .arg("__mp-worker")
        .env(DAEMONIC_ENV, if daemon { "1" } else { "0" });
    if settings.report {
        command.arg("--gil-stats");
        if settings.tracing {
            command.arg("--gil-trace");
        }
    }
    if let Some(n) = settings.max_instructions {
        command.arg("--max-instructions").arg(n.to_string());
    }
    if let Some(mb) = settings.max_memory_mb {
        command.arg("--max-memory").arg(mb.to_string());
    }
    super::tree::note_spawned();
    let mut child = command
        .arg(&start.script)
        .stdin(std::process::Stdio::from(OwnedFd::from(theirs)))
        .spawn()?;
    let pid = child.id();
    let sent = send_fds(&ours, fds).and_then(|_| {
        let mut w = &ours;
        wire::write_msg(&mut w, &ToWorker::Start(start.clone()))
    });
    if let Err(e) = sent {
        let _ = child.kill();
        let _ = child.wait();
        return Err(e);
    }
    let reader = ours.try_clone()?;
    let record = Arc::new(Child {
        pid,
        name: start.name.clone(),
        daemon,
        writer: Mutex::new(ours),
        status: Mutex::new(None),
        cond: Condvar::new(),
    });
    let watched = record.clone();
    std::thread::Builder::new()
        .name(format!("mp-broker-{pid}"))
        .spawn(move || broker(watched, child, reader, owner))?;
    Ok(record)
}

/// The first bytes to a worker: the number of descriptors (4 bytes) with the descriptors
/// attached.
fn send_fds(sock: &UnixStream, fds: &[OwnedFd]) -> std::io::Result<()> {
    use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags};
    let count = (fds.len() as u32).to_le_bytes();
    let raw: Vec<i32> = fds.iter().map(|f| f.as_raw_fd()).collect();
    let cmsgs: Vec<ControlMessage> = if raw.is_empty() {
        Vec::new()
    } else {
        vec![ControlMessage::ScmRights(&raw)]
    };
    let iov = [IoSlice::new(&count)];
    let n = sendmsg::<()>(sock.as_raw_fd(), &iov, &cmsgs, MsgFlags::empty(), None)
        .map_err(std::io::Error::from)?;
    if n != 4 {
        return Err(std::io::Error::other("short write of the descriptor count"));
    }
    Ok(())
}

/// Serve one child: its requests (queue operations, pool results) until its socket closes, then
/// reap it and record its exit code.
fn broker(child: Arc<Child>, mut proc: std::process::Child, stream: UnixStream, owner: Owner) {
    let mut reader = std::io::BufReader::with_capacity(1 << 16, stream);
    let dead = Arc::new(std::sync::atomic::AtomicBool::new(false));
    while let Ok(Some(msg)) = wire::read_msg::<ToParent>(&mut reader) {
        handle(&child, msg, &owner, &dead);
    }
    dead.store(true, Ordering::Relaxed);
    // The worker closed its socket: it is exiting (or was killed). Reap it.
    let code = match proc.wait() {
        Ok(st) => st.code().or(st.signal().map(|s| -s)).unwrap_or(1),
        Err(_) => 1,
    };
    *lock(&child.status) = Some(code);
    child.cond.notify_all();
    // An ended child needs no exit-time join: drop it from the registry, so that its record (and
    // its socket) lives only as long as the Process object holding it.
    lock(&state().children).retain(|c| !Arc::ptr_eq(c, &child));
    if let Owner::Pool(pool, index) = &owner {
        if let Some(pool) = pool.upgrade() {
            pool.worker_ended(*index, code);
        }
    }
}

fn handle(
    child: &Arc<Child>,
    msg: ToParent,
    owner: &Owner,
    dead: &Arc<std::sync::atomic::AtomicBool>,
) {
    let queue = |qid: u64| lock(&state().queues).get(&qid).and_then(Weak::upgrade);
    match msg {
        ToParent::QueuePut {
            qid,
            value,
            seq,
            block,
            timeout,
        } => {
            let Some(q) = queue(qid) else {
                if let Some(seq) = seq {
                    child.send(&ToWorker::Reply {
                        seq,
                        reply: Reply::Error("the queue no longer exists".into()),
                    });
                }
                return;
            };
            match seq {
                None => {
                    q.put_nowait_unbounded(value);
                }
                Some(seq) => {
                    let child = child.clone();
                    let dead = dead.clone();
                    std::thread::spawn(move || {
                        let ok = q.put(value, block, timeout, &|| dead.load(Ordering::Relaxed));
                        let reply = if ok { Reply::Done } else { Reply::Full };
                        child.send(&ToWorker::Reply { seq, reply });
                    });
                }
            }
        }
        ToParent::QueueGet {
            seq,
            qid,
            block,
            timeout,
        } => {
            let Some(q) = queue(qid) else {
                child.send(&ToWorker::Reply {
                    seq,
                    reply: Reply::Error("the queue no longer exists".into()),
                });
                return;
            };
            if let Some(v) = q.try_get() {
                child.send(&ToWorker::Reply {
                    seq,
                    reply: Reply::Value(v),
                });
            } else if !block || timeout.is_some_and(|t| t <= 0.0) {
                child.send(&ToWorker::Reply {
                    seq,
                    reply: Reply::Empty,
                });
            } else {
                // Wait on another thread, so this broker still notices the worker's end.
                let child = child.clone();
                let dead = dead.clone();
                std::thread::spawn(move || {
                    let reply = match q.get(true, timeout, &|| dead.load(Ordering::Relaxed)) {
                        Some(v) => Reply::Value(v),
                        None => Reply::Empty,
                    };
                    if !dead.load(Ordering::Relaxed) {
                        child.send(&ToWorker::Reply { seq, reply });
                    }
                });
            }
        }
        ToParent::QueueSize { seq, qid } => {
            let reply = match queue(qid) {
                Some(q) => Reply::Size(q.len() as i64),
                None => Reply::Error("the queue no longer exists".into()),
            };
            child.send(&ToWorker::Reply { seq, reply });
        }
        ToParent::QueueTaskDone { seq, qid } => {
            let reply = match queue(qid) {
                Some(q) if q.task_done() => Reply::Done,
                Some(_) => Reply::Error(super::queue::TOO_MANY.into()),
                None => Reply::Error("the queue no longer exists".into()),
            };
            child.send(&ToWorker::Reply { seq, reply });
        }
        ToParent::QueueJoin { seq, qid } => {
            let Some(q) = queue(qid) else {
                child.send(&ToWorker::Reply {
                    seq,
                    reply: Reply::Error("the queue no longer exists".into()),
                });
                return;
            };
            // Wait on another thread, so this broker still serves the worker.
            let child = child.clone();
            let dead = dead.clone();
            std::thread::spawn(move || {
                if q.join(&|| dead.load(Ordering::Relaxed)) {
                    child.send(&ToWorker::Reply {
                        seq,
                        reply: Reply::Done,
                    });
                }
            });
        }
        ToParent::GilReports(reports) => super::reports::receive(reports),
        ToParent::LimitExceeded { status } => super::tree::end_run(None, status),
        ToParent::TaskDone { job, chunk, result } => {
            if let Owner::Pool(pool, index) = owner {
                if let Some(pool) = pool.upgrade() {
                    pool.task_done(*index, job, chunk, result);
                }
            }
        }
    }
}

/// At the end of the main script: join the non-daemon children, terminate the daemon ones
/// (CPython's `_exit_function`). After an uncaught KeyboardInterrupt, the non-daemon children
/// get [`GRACE`] to finish (a Ctrl-C from a terminal reached them too, and they may be running
/// their `finally` blocks) and are then terminated, where CPython would wait for them for ever;
/// a Ctrl-C while joining (`stop`) terminates them at once. A child that does not end within
/// 2 s of SIGTERM is killed.
pub fn at_exit(interrupted: bool, stop: &Stop) {
    super::pool::terminate_all();
    let children: Vec<Arc<Child>> = lock(&state().children).clone();
    for c in &children {
        if c.daemon {
            c.signal(nix::sys::signal::Signal::SIGTERM);
        }
    }
    let grace = Instant::now() + GRACE;
    let mut terminating = false;
    for c in &children {
        if !terminating && !c.daemon {
            let limit = interrupted.then(|| grace.saturating_duration_since(Instant::now()));
            if c.wait_or_stop(limit, stop).is_none() {
                // Past the grace period, or Ctrl-C while joining: stop them all.
                terminating = true;
                for c in &children {
                    c.signal(nix::sys::signal::Signal::SIGTERM);
                }
            }
        }
        if c.wait(Some(Duration::from_secs(2))).is_none() {
            c.signal(nix::sys::signal::Signal::SIGKILL);
            c.wait(Some(Duration::from_secs(2)));
        }
    }
}

/// How long the non-daemon children may still run after an uncaught KeyboardInterrupt.
const GRACE: Duration = Duration::from_secs(2);

/// Wake every wait on a child's end (a Ctrl-C for the main thread).
pub fn wake_children() {
    let children: Vec<Arc<Child>> = lock(&state().children).clone();
    for c in &children {
        c.wake();
    }
}
