//! The interpreter's threads (one [`Registry`] in `Interp`): who is alive, which of them the
//! main thread waits for at exit, and what each one waits on — for deadlock detection.
//!
//! Every wait on an in-interpreter primitive comes down to one of two native waits: a
//! `_thread.lock` acquire (Lock, and through it RLock, Condition, Semaphore, Event, Barrier and
//! the queues) or a join (a thread's end, or the end of all non-daemon threads at exit). A
//! thread starting such a wait records it here ([`Registry::begin_wait`]) with the GIL held;
//! whoever can end it (a lock's `release`, a thread's exit) clears the record with
//! [`Registry::wake`], also under the GIL, so the records are exact whenever a thread looks at
//! them. When a thread starts an untimed wait and every live thread is in an untimed wait,
//! nobody can wake anybody: that is a deadlock, reported with [`format_deadlock`]. Sleeping
//! threads and threads in I/O record nothing, so they count as able to wake the others.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::{Condvar, Mutex};

/// The key of the wait for "all non-daemon threads have ended" (the main thread at exit).
pub const SHUTDOWN_KEY: usize = 1;

/// What a thread waits on.
#[derive(Clone, Debug)]
pub struct Wait {
    /// The primitive (its address) whose release or end ends the wait.
    pub key: usize,
    /// What is waited on, for the report (`Lock.acquire`, `Thread.join`, `Queue.get`).
    pub what: String,
    /// Where: `file:line` of the innermost user frame.
    pub site: String,
    /// A wait with a timeout ends by itself, so it can never be part of a deadlock.
    pub timed: bool,
}

#[derive(Debug)]
struct Entry {
    name: String,
    /// The main thread waits for this thread at exit (a non-daemon thread other than main).
    joined_at_exit: bool,
    wait: Option<Wait>,
}

#[derive(Debug, Default)]
struct Inner {
    threads: BTreeMap<u64, Entry>,
    /// Live threads the main thread waits for at exit.
    non_daemon: usize,
    /// The main thread's ident (the first thread registered).
    main: Option<u64>,
}

/// The threads of one interpreter.
#[derive(Debug, Default)]
pub struct Registry {
    inner: Mutex<Inner>,
    /// Signalled when the last non-daemon thread ends.
    all_done: Condvar,
    /// Threads with a wait recorded (lets `Lock.release` skip the registry when nobody waits).
    waiting: AtomicUsize,
    /// Non-daemon OS threads that have not yet filed their GIL report and ended.
    os_running: Mutex<usize>,
    os_done: Condvar,
}

impl Registry {
    /// A thread is alive from now on. The first thread added is the main thread.
    pub fn add(&self, ident: u64, name: &str, daemon: bool) {
        let mut g = self.inner.lock();
        let main = *g.main.get_or_insert(ident) == ident;
        let joined_at_exit = !main && !daemon;
        if joined_at_exit {
            g.non_daemon += 1;
        }
        g.threads.insert(
            ident,
            Entry {
                name: name.to_string(),
                joined_at_exit,
                wait: None,
            },
        );
    }

    /// The main thread's ident.
    pub fn main_ident(&self) -> Option<u64> {
        self.inner.lock().main
    }

    /// Live threads.
    pub fn count(&self) -> usize {
        self.inner.lock().threads.len()
    }

    /// Live non-daemon threads other than main.
    pub fn non_daemon(&self) -> usize {
        self.inner.lock().non_daemon
    }

    /// A thread has ended: it is no longer alive, and whoever joins it (`join_key`) can go on.
    /// Returns a deadlock report if the remaining threads all wait with nothing left to wake
    /// them.
    pub fn remove(&self, ident: u64, join_key: usize) -> Option<String> {
        let mut g = self.inner.lock();
        if let Some(e) = g.threads.remove(&ident) {
            if e.wait.is_some() {
                self.waiting.fetch_sub(1, Ordering::Relaxed);
            }
            if e.joined_at_exit {
                g.non_daemon -= 1;
                if g.non_daemon == 0 {
                    self.all_done.notify_all();
                    self.wake_locked(&mut g, SHUTDOWN_KEY);
                }
            }
        }
        self.wake_locked(&mut g, join_key);
        deadlock(&g)
    }

    /// Record that thread `ident` starts waiting; returns a deadlock report if every live
    /// thread now waits without a timeout.
    pub fn begin_wait(&self, ident: u64, wait: Wait) -> Option<String> {
        let mut g = self.inner.lock();
        let timed = wait.timed;
        let entry = g.threads.get_mut(&ident)?;
        if entry.wait.replace(wait).is_none() {
            self.waiting.fetch_add(1, Ordering::Relaxed);
        }
        if timed {
            None
        } else {
            deadlock(&g)
        }
    }

    /// Thread `ident` is no longer waiting.
    pub fn end_wait(&self, ident: u64) {
        let mut g = self.inner.lock();
        if let Some(e) = g.threads.get_mut(&ident) {
            if e.wait.take().is_some() {
                self.waiting.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }

    /// The primitive `key` was released: threads waiting on it may go on.
    #[inline]
    pub fn wake(&self, key: usize) {
        if self.waiting.load(Ordering::Relaxed) != 0 {
            let mut g = self.inner.lock();
            self.wake_locked(&mut g, key);
        }
    }

    fn wake_locked(&self, g: &mut Inner, key: usize) {
        for e in g.threads.values_mut() {
            if e.wait.as_ref().is_some_and(|w| w.key == key) {
                e.wait = None;
                self.waiting.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }

    /// A non-daemon OS thread starts.
    pub fn os_thread_started(&self) {
        *self.os_running.lock() += 1;
    }

    /// A non-daemon OS thread is completely done (its GIL handle dropped, its report filed).
    pub fn os_thread_ended(&self) {
        let mut n = self.os_running.lock();
        *n = n.saturating_sub(1);
        if *n == 0 {
            self.os_done.notify_all();
        }
    }

    /// Block (GIL released) until every non-daemon OS thread is completely done.
    pub fn wait_os_threads(&self) {
        let mut n = self.os_running.lock();
        while *n > 0 {
            self.os_done.wait(&mut n);
        }
    }

    /// Block (call it with the GIL released) until no non-daemon thread is left, or `stop`
    /// asks (a Ctrl-C).
    pub fn wait_all_done(&self, stop: &crate::runtime::interrupt::Stop) {
        let mut g = self.inner.lock();
        while g.non_daemon > 0 && !stop.requested() {
            self.all_done.wait(&mut g);
        }
    }

    /// Wake the main thread's [`Registry::wait_all_done`] (to look at its `Stop`).
    pub fn wake_all_done(&self) {
        let _g = self.inner.lock();
        self.all_done.notify_all();
    }
}

/// The report if every live thread is in an untimed wait.
fn deadlock(g: &Inner) -> Option<String> {
    if g.threads.is_empty()
        || !g
            .threads
            .values()
            .all(|e| e.wait.as_ref().is_some_and(|w| !w.timed))
    {
        return None;
    }
    Some(format_deadlock(g.threads.values().filter_map(|e| {
        e.wait.as_ref().map(|w| (e.name.as_str(), w))
    })))
}

/// The deadlock report printed on stderr before gilvm exits with status 1.
pub fn format_deadlock<'a>(waits: impl Iterator<Item = (&'a str, &'a Wait)>) -> String {
    let mut out = String::from(
        "gilvm: deadlock: every thread is waiting, with no timeout, for another one\n",
    );
    for (name, w) in waits {
        out.push_str(&format!("  thread '{name}' waits on {}", w.what));
        if !w.site.is_empty() {
            out.push_str(&format!(" at {}", w.site));
        }
        out.push('\n');
    }
    out
}
