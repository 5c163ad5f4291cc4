//! A worker's link to its parent: requests with numbered replies (queue operations), the pool
//! tasks the parent sends, and a reader thread that ends the worker when the parent is gone.

use std::collections::{HashMap, VecDeque};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::process::lock;
use super::wire::{self, Reply, ToParent, ToWorker};
use gilvm_vm::runtime::interrupt::Stop;

pub struct ParentLink {
    writer: Mutex<UnixStream>,
    replies: Mutex<HashMap<u64, Reply>>,
    reply_cond: Condvar,
    /// Pool tasks and Stop, in arrival order.
    tasks: Mutex<VecDeque<ToWorker>>,
    task_cond: Condvar,
    next_seq: AtomicU64,
}

impl ParentLink {
    /// Start serving `stream` (the worker's socket to its parent).
    pub fn start(stream: UnixStream) -> std::io::Result<Arc<ParentLink>> {
        let reader = stream.try_clone()?;
        let link = Arc::new(ParentLink {
            writer: Mutex::new(stream),
            replies: Mutex::new(HashMap::new()),
            reply_cond: Condvar::new(),
            tasks: Mutex::new(VecDeque::new()),
            task_cond: Condvar::new(),
            next_seq: AtomicU64::new(1),
        });
        let l = link.clone();
        std::thread::Builder::new()
            .name("mp-parent-link".into())
            .spawn(move || l.read_loop(reader))?;
        Ok(link)
    }

    fn read_loop(&self, stream: UnixStream) {
        let mut reader = std::io::BufReader::with_capacity(1 << 16, stream);
        loop {
            match wire::read_msg::<ToWorker>(&mut reader) {
                Ok(Some(ToWorker::Reply { seq, reply })) => {
                    lock(&self.replies).insert(seq, reply);
                    self.reply_cond.notify_all();
                }
                Ok(Some(msg)) => {
                    lock(&self.tasks).push_back(msg);
                    self.task_cond.notify_all();
                }
                Ok(None) | Err(_) => {
                    // The parent is gone (it exited or was killed): a worker never outlives it.
                    std::process::exit(1);
                }
            }
        }
    }

    pub fn send(&self, msg: &ToParent) -> std::io::Result<()> {
        wire::write_msg(&mut *lock(&self.writer), msg)
    }

    pub fn seq(&self) -> u64 {
        self.next_seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Wait for the reply to request `seq`; `None` if `stop` asks first (Ctrl-C).
    pub fn wait_reply(&self, seq: u64, stop: &Stop) -> Option<Reply> {
        let mut replies = lock(&self.replies);
        loop {
            if let Some(r) = replies.remove(&seq) {
                return Some(r);
            }
            if stop.requested() {
                return None;
            }
            replies = self
                .reply_cond
                .wait(replies)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Wake the waits for replies (a Ctrl-C: they look at their `Stop`).
    pub fn wake_replies(&self) {
        let _replies = lock(&self.replies);
        self.reply_cond.notify_all();
    }

    /// Wake the wait for the next task.
    pub fn wake_tasks(&self) {
        let _tasks = lock(&self.tasks);
        self.task_cond.notify_all();
    }

    /// The next pool task (or Stop); `None` after `timeout` or when `stop` asks (Ctrl-C).
    pub fn next_task(&self, timeout: Option<Duration>, stop: &Stop) -> Option<ToWorker> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut tasks = lock(&self.tasks);
        loop {
            if let Some(t) = tasks.pop_front() {
                return Some(t);
            }
            if stop.requested() {
                return None;
            }
            match deadline {
                None => {
                    tasks = self
                        .task_cond
                        .wait(tasks)
                        .unwrap_or_else(|e| e.into_inner())
                }
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return None;
                    }
                    tasks = self
                        .task_cond
                        .wait_timeout(tasks, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
    }
}
