//! `multiprocessing.Pool`: N workers serving chunks of calls. The parent keeps the queue of
//! chunks not yet sent and gives each worker at most [`IN_FLIGHT`] at a time; each worker's
//! broker thread records results as they come back and sends that worker its next chunk. A
//! worker that ends while it holds chunks fails their jobs (never a hang).

use std::collections::{HashMap, VecDeque};
use std::os::fd::OwnedFd;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use super::process::{self, lock, Child, Owner, Settings};
use super::wire::{Callee, Mode, RemoteError, Start, ToWorker, Wire};
use gilvm_vm::runtime::interrupt::Stop;

/// Chunks a worker may hold at once (one running, one waiting: no idle gap between chunks).
const IN_FLIGHT: usize = 2;

pub enum Failure {
    Remote(RemoteError),
    Died(String),
    Terminated,
}

#[derive(Default)]
struct Job {
    results: Vec<Option<Vec<Wire>>>,
    done: usize,
    failure: Option<Failure>,
}

impl Job {
    fn finished(&self) -> bool {
        self.failure.is_some() || self.done == self.results.len()
    }
}

#[derive(Default)]
struct PoolState {
    pending: VecDeque<ToWorker>,
    inflight: Vec<VecDeque<(u64, u32)>>,
    alive: Vec<bool>,
    stopped: Vec<bool>,
    jobs: HashMap<u64, Job>,
    next_job: u64,
    closed: bool,
    terminated: bool,
}

pub struct PoolCore {
    workers: Mutex<Vec<Arc<Child>>>,
    /// What a replacement worker needs: settings, start message, descriptors, and how many
    /// replacements are left (a worker that dies at start-up must not respawn for ever).
    respawn: Mutex<(Settings, Start, Vec<OwnedFd>, usize)>,
    st: Mutex<PoolState>,
    cond: Condvar,
}

impl std::fmt::Debug for PoolCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PoolCore")
    }
}

fn pools() -> &'static Mutex<Vec<Weak<PoolCore>>> {
    static POOLS: Mutex<Vec<Weak<PoolCore>>> = Mutex::new(Vec::new());
    &POOLS
}

/// Terminate every pool still running (at exit, like CPython's pool finalizers).
pub fn terminate_all() {
    let all: Vec<Arc<PoolCore>> = lock(pools()).iter().filter_map(Weak::upgrade).collect();
    for p in all {
        p.terminate();
    }
}

impl PoolCore {
    /// Start `n` workers.
    pub fn start(
        n: usize,
        settings: Settings,
        template: Start,
        fds: &[OwnedFd],
    ) -> std::io::Result<Arc<PoolCore>> {
        let kept: Vec<OwnedFd> = fds.iter().filter_map(|f| f.try_clone().ok()).collect();
        let pool = Arc::new(PoolCore {
            workers: Mutex::new(Vec::new()),
            respawn: Mutex::new((settings, template.clone(), kept, 4 * n)),
            st: Mutex::new(PoolState {
                inflight: vec![VecDeque::new(); n],
                alive: vec![true; n],
                stopped: vec![false; n],
                ..PoolState::default()
            }),
            cond: Condvar::new(),
        });
        for i in 0..n {
            let mut start = template.clone();
            start.name = process::next_name("SpawnPoolWorker");
            let dup: Vec<OwnedFd> = fds.iter().filter_map(|f| f.try_clone().ok()).collect();
            match process::spawn(
                settings,
                start,
                &dup,
                true,
                Owner::Pool(Arc::downgrade(&pool), i),
            ) {
                Ok(child) => lock(&pool.workers).push(child),
                Err(e) => {
                    pool.terminate();
                    return Err(e);
                }
            }
        }
        let mut all = lock(pools());
        // Forget the pools that are gone (their allocations stay while a Weak points to them).
        all.retain(|w| w.strong_count() > 0);
        all.push(Arc::downgrade(&pool));
        Ok(pool)
    }

    pub fn size(&self) -> usize {
        lock(&self.workers).len()
    }

    pub fn is_running(&self) -> bool {
        let st = lock(&self.st);
        !st.closed && !st.terminated
    }

    /// Queue a job of chunks; returns its id.
    pub fn submit(
        &self,
        func: Callee,
        star: bool,
        chunks: Vec<Vec<Wire>>,
        kwargs: Vec<(String, Wire)>,
    ) -> u64 {
        let mut st = lock(&self.st);
        let job = st.next_job;
        st.next_job += 1;
        st.jobs.insert(
            job,
            Job {
                results: vec![None; chunks.len()],
                ..Job::default()
            },
        );
        for (i, items) in chunks.into_iter().enumerate() {
            st.pending.push_back(ToWorker::Task {
                job,
                chunk: i as u32,
                func: func.clone(),
                star,
                items,
                kwargs: kwargs.clone(),
            });
        }
        self.dispatch(&mut st);
        drop(st);
        self.cond.notify_all();
        job
    }

    /// Hand pending chunks to workers with room; stop idle workers of a closed pool.
    fn dispatch(&self, st: &mut PoolState) {
        let workers = lock(&self.workers).clone();
        // Breadth first: every idle worker gets a chunk before any gets a second (queued) one,
        // as CPython's idle workers take the next task from the shared queue.
        for level in 1..=IN_FLIGHT {
            for (i, w) in workers.iter().enumerate() {
                while st.alive[i] && st.inflight[i].len() < level {
                    let Some(task) = st.pending.pop_front() else {
                        break;
                    };
                    if let ToWorker::Task { job, chunk, .. } = &task {
                        if st.jobs.get(job).is_some_and(|j| j.failure.is_some()) {
                            continue;
                        }
                        st.inflight[i].push_back((*job, *chunk));
                    }
                    w.send(&task);
                }
            }
        }
        if !st.alive.iter().any(|a| *a) {
            // No worker left: nothing pending can ever run.
            let pending: Vec<ToWorker> = st.pending.drain(..).collect();
            for t in pending {
                if let ToWorker::Task { job, .. } = t {
                    if let Some(j) = st.jobs.get_mut(&job) {
                        j.failure.get_or_insert(Failure::Died(
                            "every worker of the pool has exited".into(),
                        ));
                    }
                }
            }
        }
        if st.closed && st.pending.is_empty() {
            for (i, w) in workers.iter().enumerate() {
                if st.alive[i] && !st.stopped[i] {
                    st.stopped[i] = true;
                    w.send(&ToWorker::Stop);
                }
            }
        }
    }

    pub fn task_done(
        &self,
        worker: usize,
        job: u64,
        chunk: u32,
        result: Result<Vec<Wire>, RemoteError>,
    ) {
        let mut st = lock(&self.st);
        if let Some(q) = st.inflight.get_mut(worker) {
            if let Some(pos) = q.iter().position(|&(j, c)| j == job && c == chunk) {
                q.remove(pos);
            }
        }
        if let Some(j) = st.jobs.get_mut(&job) {
            match result {
                Ok(values) => {
                    if let Some(slot) = j.results.get_mut(chunk as usize) {
                        if slot.is_none() {
                            *slot = Some(values);
                            j.done += 1;
                        }
                    }
                }
                Err(e) => {
                    j.failure.get_or_insert(Failure::Remote(e));
                }
            }
        }
        self.dispatch(&mut st);
        drop(st);
        self.cond.notify_all();
    }

    /// A worker's process ended (its broker saw the socket close).
    pub fn worker_ended(&self, worker: usize, code: i32) {
        let mut st = lock(&self.st);
        if let Some(a) = st.alive.get_mut(worker) {
            *a = false;
        }
        let lost: Vec<(u64, u32)> = st
            .inflight
            .get_mut(worker)
            .map(|q| q.drain(..).collect())
            .unwrap_or_default();
        let pid = lock(&self.workers).get(worker).map(|c| c.pid).unwrap_or(0);
        let how = if code < 0 {
            format!("was killed by signal {}", -code)
        } else {
            format!("exited with code {code}")
        };
        for (job, _) in lost {
            if let Some(j) = st.jobs.get_mut(&job) {
                j.failure.get_or_insert(Failure::Died(format!(
                    "a worker process of the pool (pid {pid}) {how} while running a task"
                )));
            }
        }
        // Replace the worker, as CPython's pool does, while the pool is running.
        if !st.closed && !st.terminated && self.replace(worker) {
            st.alive[worker] = true;
        }
        self.dispatch(&mut st);
        drop(st);
        self.cond.notify_all();
    }

    /// Start a replacement for worker `index`; false when none may or can be started.
    fn replace(self: &PoolCore, index: usize) -> bool {
        let mut r = lock(&self.respawn);
        if r.3 == 0 {
            return false;
        }
        r.3 -= 1;
        let Some(me) = lock(pools())
            .iter()
            .filter_map(Weak::upgrade)
            .find(|p| std::ptr::eq(Arc::as_ptr(p), self))
        else {
            return false;
        };
        let mut start = r.1.clone();
        start.name = process::next_name("SpawnPoolWorker");
        let fds: Vec<OwnedFd> = r.2.iter().filter_map(|f| f.try_clone().ok()).collect();
        let owner = Owner::Pool(Arc::downgrade(&me), index);
        match process::spawn(r.0, start, &fds, true, owner) {
            Ok(child) => {
                if let Some(slot) = lock(&self.workers).get_mut(index) {
                    *slot = child;
                }
                true
            }
            Err(_) => false,
        }
    }

    /// Wait for a job; `None` on timeout (past `deadline`) or when `stop` asks (Ctrl-C), else
    /// its results (chunks concatenated) or failure.
    pub fn wait(
        &self,
        job: u64,
        deadline: Option<Instant>,
        stop: &Stop,
    ) -> Option<Result<Vec<Wire>, Failure>> {
        let mut st = lock(&self.st);
        loop {
            match st.jobs.get(&job) {
                None => return Some(Err(Failure::Died("unknown job".into()))),
                Some(j) if j.finished() => break,
                _ => {}
            }
            if stop.requested() {
                return None;
            }
            let wait = match deadline {
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return None;
                    }
                    d - now
                }
                None => Duration::from_secs(3600),
            };
            st = self
                .cond
                .wait_timeout(st, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        let j = st.jobs.remove(&job)?;
        Some(match j.failure {
            Some(f) => Err(f),
            None => Ok(j.results.into_iter().flatten().flatten().collect()),
        })
    }

    /// Wait until one of `jobs` has finished; its index in `jobs` (the first finished one), or
    /// `None` when `deadline` passes or `stop` asks (Ctrl-C). An unknown job counts as finished (its `wait` reports
    /// it).
    pub fn wait_any(&self, jobs: &[u64], deadline: Option<Instant>, stop: &Stop) -> Option<usize> {
        let mut st = lock(&self.st);
        loop {
            let done = jobs
                .iter()
                .position(|job| st.jobs.get(job).is_none_or(Job::finished));
            if done.is_some() {
                return done;
            }
            if stop.requested() {
                return None;
            }
            let wait = match deadline {
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return None;
                    }
                    d - now
                }
                None => Duration::from_secs(3600),
            };
            st = self
                .cond
                .wait_timeout(st, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Wake the waits on this pool's jobs (a Ctrl-C: they look at their `Stop`).
    pub fn wake(&self) {
        let _st = lock(&self.st);
        self.cond.notify_all();
    }

    /// Is the job finished (`ready()`)?
    pub fn ready(&self, job: u64) -> bool {
        lock(&self.st).jobs.get(&job).is_none_or(Job::finished)
    }

    pub fn close(&self) {
        let mut st = lock(&self.st);
        st.closed = true;
        self.dispatch(&mut st);
    }

    /// Stop the workers: SIGTERM, as CPython does. When the parent collects GIL reports
    /// (reports.rs), an idle worker is asked to stop instead, so that it can send its reports,
    /// and gets SIGTERM only if it has not ended within [`GRACEFUL_STOP`].
    pub fn terminate(&self) {
        let workers;
        let mut idle;
        {
            let mut st = lock(&self.st);
            if st.terminated {
                return;
            }
            st.terminated = true;
            st.closed = true;
            st.pending.clear();
            for j in st.jobs.values_mut() {
                if !j.finished() {
                    j.failure = Some(Failure::Terminated);
                }
            }
            // Taken under `st` (the order worker_ended uses): no worker is replaced after this.
            workers = lock(&self.workers).clone();
            idle = vec![false; workers.len()];
            if super::reports::collecting() {
                for (i, w) in workers.iter().enumerate() {
                    let quiet = st.inflight.get(i).is_some_and(VecDeque::is_empty);
                    if quiet && st.alive.get(i) == Some(&true) {
                        idle[i] = true;
                        if let Some(stopped @ false) = st.stopped.get_mut(i) {
                            *stopped = true;
                            w.send(&ToWorker::Stop);
                        }
                    }
                }
            }
        }
        self.cond.notify_all();
        for (w, _) in workers.iter().zip(&idle).filter(|(_, &idle)| !idle) {
            w.signal(nix::sys::signal::Signal::SIGTERM);
        }
        let deadline = Instant::now() + GRACEFUL_STOP;
        for (w, _) in workers.iter().zip(&idle).filter(|(_, &idle)| idle) {
            let left = deadline.saturating_duration_since(Instant::now());
            if w.wait(Some(left)).is_none() {
                w.signal(nix::sys::signal::Signal::SIGTERM);
            }
        }
        for w in &workers {
            if w.wait(Some(Duration::from_secs(2))).is_none() {
                w.signal(nix::sys::signal::Signal::SIGKILL);
                w.wait(Some(Duration::from_secs(2)));
            }
        }
    }

    /// Wait for every worker to exit (after close or terminate); false if `stop` asked first.
    pub fn join(&self, stop: &Stop) -> bool {
        let workers = lock(&self.workers).clone();
        workers.iter().all(|w| w.wait_or_stop(None, stop).is_some())
    }

    /// Wake the waits on this pool's workers' ends.
    pub fn wake_workers(&self) {
        for w in lock(&self.workers).iter() {
            w.wake();
        }
    }

    pub fn workers(&self) -> Vec<Arc<Child>> {
        lock(&self.workers).clone()
    }
}

/// How long `terminate` lets idle workers stop by themselves when their reports are wanted.
const GRACEFUL_STOP: Duration = Duration::from_secs(2);

/// Mode of a pool worker.
pub fn mode(initializer: Option<Callee>, initargs: Vec<Wire>) -> Mode {
    Mode::Pool {
        initializer,
        initargs,
    }
}
