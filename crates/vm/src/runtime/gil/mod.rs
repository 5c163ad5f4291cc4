//! The global interpreter lock (design §3): one [`GilLock`] per interpreter process, shared by
//! its threads through an `Arc`, and one [`ThreadGil`] handle per thread.
//!
//! # The six steps
//!
//! A thread's life under the GIL is a loop of six steps; each has its function here.
//!
//! 1. **Take the lock** — [`ThreadGil::acquire`]: the lock is taken at once if it is free,
//!    otherwise the thread queues (state Ready) and waits for its turn. It returns the [`Gil`]
//!    token that proves the thread holds the lock.
//! 2. **Run the thread** — the eval loop runs bytecode and calls [`ThreadGil::tick`] once per
//!    instruction: a countdown decrement and one relaxed load of the eval breaker. It returns
//!    true when the cold path must run.
//! 3. **Switch after N instructions or T ms** — [`ThreadGil::maybe_switch`], the cold path,
//!    hands the lock over when another thread waits and either `switch_instructions`
//!    instructions have run (counted from the acquisition, or from the moment the first waiter
//!    arrived if the holder was running alone) or a waiter has waited `switch_interval` (it
//!    then set the eval breaker; nobody reads the clock per instruction). Who gets it is the
//!    [`GilPolicy`]; under `io-priority` a thread back from a blocking call also asks at once.
//! 4. **Sleep the thread** — a thread entering a blocking call (sleep, I/O, join, a lock wait)
//!    runs it inside [`ThreadGil::allow_threads`]: the lock is released around the call (state
//!    Blocked) and taken back after. A thread waiting for the lock sleeps too: it spins briefly,
//!    then parks until the holder hands it the lock (`handoff.rs`).
//! 5. **Release** — [`ThreadGil::release`] lets go before a blocking call (the low-level half
//!    of `allow_threads`); [`ThreadGil::finish`] (or dropping the handle) lets go for good when
//!    the thread ends (state Terminated) and files its [`ThreadReport`] with the lock.
//! 6. **Repeat** — a released or switched-out thread is back at step 1: `acquire` after a
//!    blocking call, and the wait inside `maybe_switch` after a forced switch. Each step is
//!    recorded by one bookkeeping function, `transition`.
//!
//! # Wiring
//!
//! The interpreter owns one `Arc<GilLock>` (made from `--gil-policy`, `--switch-instructions`,
//! `--switch-interval`, `--trace`); each interpreter thread owns a `ThreadGil` from
//! [`GilLock::register`] (made by the parent, moved into the new thread) and calls `acquire`
//! before touching objects. The eval loop calls `tick` per instruction (or keeps the countdown
//! in a local: [`ThreadGil::countdown`] / [`ThreadGil::set_countdown`]) and `maybe_switch` on
//! the cold path; blocking built-ins (`time.sleep`, `join`, queue and lock waits, file I/O)
//! run inside `allow_threads`; `sys.setswitchinterval` calls [`GilLock::set_switch_interval`];
//! at exit the main thread calls `finish`, and `--gil-stats` prints
//! `format_gil_stats(&lock.take_reports())`.
//!
//! Every step is a state transition ([`ThreadState`]): counters ([`ThreadStats`]) are always
//! kept, events ([`GilEvent`]) only when tracing is on. [`GilLock::take_reports`] collects them
//! at the end and [`format_gil_stats`] prints the `--gil-stats` table.
//!
//! # Safety
//!
//! The one `unsafe` block here calls [`Gil::assume_held`] in `acquire`, right after the thread
//! has become the lock's owner. The rest of the contract of `gilcell.rs` is the caller's: after
//! [`ThreadGil::release`] the thread must not use any copy of its token until `acquire` has
//! returned again (prefer [`ThreadGil::allow_threads`], whose closure is `Send` and so cannot
//! capture the token).

mod events;
mod handoff;
mod policy;
mod stats;

#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use crate::object::gilcell::Gil;

pub use events::{GilEvent, ThreadState, Transition};
pub use policy::{
    GilConfig, GilPolicy, SwitchSettings, UnknownPolicy, DEFAULT_SWITCH_INSTRUCTIONS,
    DEFAULT_SWITCH_INTERVAL,
};
pub use stats::{format_gil_stats, ThreadReport, ThreadStats, WorkerReport};

use handoff::{HandOff, Me, Parker, DROP_INTERVAL, DROP_IO, FREE, WAITER_ARRIVED};

/// The countdown used when the instruction trigger is off or nobody waits: the cold path
/// still runs this often (to notice `set_switch_instructions`), which costs nothing measurable.
pub(crate) const UNCOUNTED_CHUNK: u32 = 10_000;

// The lock is shared by all threads; a handle is created by the parent (`threading`) and moved
// into the new thread.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    const fn assert_send<T: Send>() {}
    assert_send_sync::<GilLock>();
    assert_send::<ThreadGil>();
};

/// The interpreter's lock, shared (`Arc`) by all its threads.
pub struct GilLock {
    policy: GilPolicy,
    tracing: bool,
    settings: SwitchSettings,
    handoff: HandOff,
    /// The interpreter's start: event timestamps are relative to it.
    start: Instant,
    next_id: AtomicU64,
    /// Reports of the threads that have finished (only if `GilConfig::keep_reports`).
    reports: Mutex<Vec<ThreadReport>>,
    keep_reports: bool,
}

impl GilLock {
    /// The lock of a new interpreter; nobody holds it yet.
    pub fn new(config: GilConfig) -> Arc<GilLock> {
        Arc::new(GilLock {
            policy: config.policy,
            tracing: config.tracing,
            settings: SwitchSettings::new(config.switch_instructions, config.switch_interval),
            handoff: HandOff::new(config.policy, config.spin),
            start: Instant::now(),
            next_id: AtomicU64::new(FREE + 1),
            reports: Mutex::new(Vec::new()),
            keep_reports: config.keep_reports,
        })
    }

    /// A handle for a new thread (state New). Call [`ThreadGil::acquire`] on the thread itself
    /// before it touches any object.
    pub fn register(self: &Arc<Self>, name: impl Into<String>) -> ThreadGil {
        let now = Instant::now();
        let mut thread = ThreadGil {
            lock: self.clone(),
            me: Me {
                id: self.next_id.fetch_add(1, Ordering::Relaxed),
                parker: Arc::new(Parker::default()),
            },
            name: name.into(),
            countdown: UNCOUNTED_CHUNK,
            armed: UNCOUNTED_CHUNK,
            counting: false,
            slice: 0,
            state: ThreadState::New,
            since: now,
            stats: ThreadStats::default(),
            events: Vec::new(),
        };
        thread.record(now, ThreadState::New, Transition::Created, 0);
        thread
    }

    pub fn policy(&self) -> GilPolicy {
        self.policy
    }

    /// Are events being recorded (fixed at start-up)?
    pub fn tracing(&self) -> bool {
        self.tracing
    }

    /// The interpreter's start (event timestamps count from here).
    pub fn start(&self) -> Instant {
        self.start
    }

    /// Instructions between forced switches (0 = off).
    pub fn switch_instructions(&self) -> u32 {
        self.settings.instructions()
    }

    /// Takes effect at each thread's next cold-path check.
    pub fn set_switch_instructions(&self, n: u32) {
        self.settings.set_instructions(n)
    }

    /// The switch interval (zero = off); `sys.getswitchinterval`.
    pub fn switch_interval(&self) -> Duration {
        self.settings.interval()
    }

    /// `sys.setswitchinterval` (validation is the caller's): takes effect at each waiter's
    /// next timed wait.
    pub fn set_switch_interval(&self, interval: Duration) {
        self.settings.set_interval(interval)
    }

    /// CPython's eval breaker: set when the running thread must leave its hot loop at the next
    /// `tick`. Owned by the GIL; other subsystems use [`GilLock::request_attention`].
    pub fn eval_breaker(&self) -> &AtomicBool {
        &self.handoff.eval_breaker
    }

    /// Make the running thread's next `tick` return true for a reason other than the GIL
    /// (a pending signal, later); it checks [`GilLock::take_attention`] after `maybe_switch`.
    pub fn request_attention(&self) {
        self.handoff.request_attention()
    }

    /// Was attention requested (clears the request)?
    pub fn take_attention(&self) -> bool {
        self.handoff.take_attention()
    }

    /// Threads queued for the lock right now.
    pub fn waiting_threads(&self) -> usize {
        self.handoff.waiting()
    }

    /// The id of the thread holding the lock, if any.
    pub fn holder(&self) -> Option<u64> {
        Some(self.handoff.owner()).filter(|&id| id != FREE)
    }

    /// The reports of every thread that has finished (in thread id order), leaving none
    /// behind: call it once at the end, after the main thread's `finish`.
    pub fn take_reports(&self) -> Vec<ThreadReport> {
        let mut reports = std::mem::take(&mut *self.reports.lock());
        reports.sort_by_key(|r| r.id);
        reports
    }
}

impl std::fmt::Debug for GilLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GilLock")
            .field("policy", &self.policy)
            .field("settings", &self.settings)
            .field("holder", &self.holder())
            .field("waiting", &self.waiting_threads())
            .finish()
    }
}

/// One thread's side of the lock: its id, its instruction countdown, its state, stats and
/// events. Lives on its thread (the eval loop keeps it next to the token).
pub struct ThreadGil {
    lock: Arc<GilLock>,
    me: Me,
    name: String,
    /// Instructions left before the cold path runs.
    countdown: u32,
    /// What `countdown` was last set to (instructions run = `armed - countdown`).
    armed: u32,
    /// Was `countdown` armed with `switch_instructions` (rather than `UNCOUNTED_CHUNK`)?
    counting: bool,
    /// Instructions run in the current turn so far.
    slice: u64,
    state: ThreadState,
    /// When `state` was entered.
    since: Instant,
    stats: ThreadStats,
    events: Vec<GilEvent>,
}

impl ThreadGil {
    // ---- 1. Take the lock ---------------------------------------------------------------

    /// Take the lock (from New, or from Blocked after [`ThreadGil::release`]), waiting for the
    /// turn if another thread holds it; returns the token. A no-op if this thread already
    /// holds the lock. Under `io-priority`, a thread back from a blocking call jumps the queue
    /// and asks the holder to yield at its next check.
    pub fn acquire(&mut self) -> Gil {
        if self.state != ThreadState::Running {
            let (reason, priority) = match self.state {
                ThreadState::Blocked => (
                    Transition::Unblock,
                    self.lock.policy == GilPolicy::IoPriority,
                ),
                _ => (Transition::Start, false),
            };
            if self.state != ThreadState::Ready {
                self.transition(ThreadState::Ready, reason);
            }
            self.lock
                .handoff
                .take(&self.me, priority, &self.lock.settings);
            self.start_turn();
        }
        // SAFETY: this thread is the lock's owner now (`handoff.take` returned, or the state
        // was already Running), and stays so until `release`, `maybe_switch` (which returns
        // only once the lock is back) or `finish`; see gilcell.rs and the module docs for the
        // caller's side of the contract.
        unsafe { Gil::assume_held() }
    }

    /// Ready -> Running: count the acquisition (and the hand-off's transit time) and arm the
    /// countdown.
    fn start_turn(&mut self) {
        let now = Instant::now();
        self.stats.handoff += self.lock.handoff.transit_time(&self.me, now);
        self.transition_at(now, ThreadState::Running, Transition::Acquired);
        self.arm();
    }

    // ---- 2. Run the thread: the hot-path check ------------------------------------------

    /// Called by the eval loop once per instruction: a countdown decrement and one relaxed
    /// load of the eval breaker. True means: call [`ThreadGil::maybe_switch`] now.
    #[inline]
    pub fn tick(&mut self) -> bool {
        self.countdown = self.countdown.wrapping_sub(1);
        (self.countdown == 0) | self.lock.handoff.eval_breaker.load(Ordering::Relaxed)
    }

    /// For an eval loop that keeps the countdown in a local variable (a register) rather than
    /// calling [`ThreadGil::tick`]: the instructions left before the cold path must run. The
    /// loop decrements its copy, checks `left == 0 || breaker.load(Relaxed)` (the breaker is
    /// [`GilLock::eval_breaker`]), and before `maybe_switch` stores it back with
    /// [`ThreadGil::set_countdown`], then reloads it.
    #[inline]
    pub fn countdown(&self) -> u32 {
        self.countdown
    }

    /// Store back a local copy of the countdown. It never goes up: a stale copy held across a
    /// nested run (which stored its own, lower, countdown when it returned) cannot make the
    /// instruction count go backwards or forget the nested run's instructions.
    #[inline]
    pub fn set_countdown(&mut self, left: u32) {
        self.countdown = left.min(self.countdown);
    }

    /// Instructions this thread has run so far (as counted by the countdown: exact up to the
    /// last stored countdown).
    pub fn instructions_run(&self) -> u64 {
        self.stats.instructions + self.slice + u64::from(self.armed.wrapping_sub(self.countdown))
    }

    /// Make the cold path run after at most `n` more instructions (the instruction limit's
    /// last slice); the count so far is kept.
    pub fn limit_countdown(&mut self, n: u32) {
        if n < self.countdown {
            self.count_instructions();
            self.countdown = n.max(1);
            self.armed = self.countdown;
        }
    }

    /// Set the countdown: `switch_instructions` if another thread waits, else (or with the
    /// count trigger off) `UNCOUNTED_CHUNK`. A thread that starts waiting while nobody else
    /// does sets the eval breaker (`WAITER_ARRIVED`), and the holder re-arms at its next tick:
    /// a waiter gets the lock at most `switch_instructions` instructions after it arrived,
    /// and a thread running alone takes the cold path only every `UNCOUNTED_CHUNK`.
    fn arm(&mut self) {
        let n = self.lock.settings.instructions();
        self.counting = n != 0 && self.lock.handoff.has_waiters();
        self.countdown = if self.counting { n } else { UNCOUNTED_CHUNK };
        self.armed = self.countdown;
    }

    /// Add the instructions run since the countdown was last looked at to the turn's count.
    fn count_instructions(&mut self) {
        self.slice += u64::from(self.armed.wrapping_sub(self.countdown));
        self.armed = self.countdown;
    }

    // ---- 3. Switch after N instructions or T ms -----------------------------------------

    /// The cold path (after `tick` returned true): hand the lock over if another thread is
    /// waiting and this thread has run `switch_instructions` instructions, or a waiter has
    /// waited `switch_interval`, or (io-priority) a thread back from a blocking call asks for
    /// it. Returns true if the lock changed hands — then this thread waited for and got its
    /// next turn before returning. Otherwise re-arms the countdown and returns false.
    #[cold]
    #[inline(never)]
    pub fn maybe_switch(&mut self) -> bool {
        if self.state != ThreadState::Running {
            return false;
        }
        let by_count = self.countdown == 0 && self.counting;
        self.count_instructions();
        let handoff = &self.lock.handoff;
        let request = if handoff.eval_breaker.load(Ordering::Relaxed) {
            handoff.take_drop_request()
        } else {
            0
        };
        let reason = if request & DROP_IO != 0 {
            Some(Transition::SwitchIoPriority)
        } else if request & DROP_INTERVAL != 0 {
            Some(Transition::SwitchInterval)
        } else if by_count {
            Some(Transition::SwitchInstructions)
        } else {
            None
        };
        if let Some(reason) = reason {
            if handoff.has_waiters() {
                return self.switch(reason);
            }
        }
        let was_counting = self.counting;
        self.arm();
        if request & WAITER_ARRIVED != 0 && !was_counting && self.counting {
            // A first waiter arrived while the countdown ran uncounted: this tick's instruction
            // is the first of the `switch_instructions` it waits for.
            if self.countdown == 1 {
                return self.switch(Transition::SwitchInstructions);
            }
            self.countdown -= 1;
            self.armed = self.countdown;
        }
        false
    }

    /// A forced switch: Running -> Ready, hand over, wait, Ready -> Running.
    fn switch(&mut self, reason: Transition) -> bool {
        self.transition(ThreadState::Ready, reason);
        let switched = self.lock.handoff.switch(&self.me, &self.lock.settings);
        self.start_turn();
        switched
    }

    // ---- 4. Sleep the thread: blocking calls --------------------------------------------

    /// Run a blocking call with the lock released (state Blocked, a voluntary switch) and take
    /// the lock back after — CPython's `Py_BEGIN_ALLOW_THREADS`. The closure is `Send`, so it
    /// cannot capture the `Gil` token or anything borrowed from a `GilCell`. If it panics, the
    /// lock is taken back while unwinding.
    ///
    /// ```
    /// use gilvm_vm::runtime::gil::{GilConfig, GilLock};
    /// let lock = GilLock::new(GilConfig::default());
    /// let mut thread = lock.register("MainThread");
    /// let _gil = thread.acquire();
    /// let slept = thread.allow_threads(|| {
    ///     std::thread::sleep(std::time::Duration::from_millis(1));
    ///     "done"
    /// });
    /// assert_eq!(slept, "done");
    /// assert_eq!(thread.stats().voluntary_switches, 1);
    /// ```
    ///
    /// The token cannot go along:
    ///
    /// ```compile_fail
    /// use gilvm_vm::runtime::gil::{GilConfig, GilLock};
    /// let lock = GilLock::new(GilConfig::default());
    /// let mut thread = lock.register("MainThread");
    /// let gil = thread.acquire();
    /// thread.allow_threads(move || {
    ///     let _token = gil;
    /// });
    /// ```
    pub fn allow_threads<T, F>(&mut self, f: F) -> T
    where
        F: FnOnce() -> T + Send,
        T: Send,
    {
        struct Retake<'a>(&'a mut ThreadGil);
        impl Drop for Retake<'_> {
            fn drop(&mut self) {
                self.0.acquire();
            }
        }
        let held = self.state == ThreadState::Running;
        if held {
            self.release();
        }
        let retake = held.then(|| Retake(self));
        let value = f();
        drop(retake);
        value
    }

    // ---- 5. Release ---------------------------------------------------------------------

    /// Let go of the lock before a blocking call (Running -> Blocked, a voluntary switch); the
    /// next waiter gets it. Take it back with [`ThreadGil::acquire`]. Until then this thread
    /// must not use any copy of its token. A no-op if the thread does not hold the lock.
    pub fn release(&mut self) {
        if self.state == ThreadState::Running {
            self.transition(ThreadState::Blocked, Transition::Block);
            self.lock.handoff.release();
        }
    }

    /// The thread ends: let go of the lock for good (-> Terminated) and file this thread's
    /// report with the lock. Dropping the handle does the same.
    pub fn finish(mut self) {
        self.terminate();
    }

    fn terminate(&mut self) {
        if self.state == ThreadState::Terminated {
            return;
        }
        let held = self.state == ThreadState::Running;
        self.transition(ThreadState::Terminated, Transition::Exit);
        if held {
            self.lock.handoff.release();
        }
        if !self.lock.keep_reports {
            return;
        }
        let report = ThreadReport {
            id: self.me.id,
            name: self.name.clone(),
            stats: self.stats,
            events: std::mem::take(&mut self.events),
        };
        self.lock.reports.lock().push(report);
    }

    // ---- 6. Repeat: state transitions, stats and events ---------------------------------

    /// Move to `to` for `reason`: time the state left, count the transition, and record the
    /// event if tracing.
    fn transition(&mut self, to: ThreadState, reason: Transition) {
        self.transition_at(Instant::now(), to, reason)
    }

    /// [`ThreadGil::transition`] at a time already read.
    fn transition_at(&mut self, now: Instant, to: ThreadState, reason: Transition) {
        self.stats
            .add_time(self.state, now.saturating_duration_since(self.since));
        self.stats.count(reason);
        let mut instructions = 0;
        if self.state == ThreadState::Running {
            self.count_instructions();
            instructions = std::mem::take(&mut self.slice);
            self.stats.instructions += instructions;
        }
        self.state = to;
        self.since = now;
        self.record(now, to, reason, instructions);
    }

    fn record(&mut self, now: Instant, state: ThreadState, reason: Transition, instructions: u64) {
        if self.lock.tracing {
            self.events.push(GilEvent {
                at: now.saturating_duration_since(self.lock.start),
                state,
                reason,
                instructions,
            });
        }
    }

    /// This thread's GIL id (1, 2, ... in registration order).
    pub fn id(&self) -> u64 {
        self.me.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn state(&self) -> ThreadState {
        self.state
    }

    /// The lock this thread belongs to.
    pub fn lock(&self) -> &Arc<GilLock> {
        &self.lock
    }

    /// The counters so far (the current state's time is counted at its next transition).
    pub fn stats(&self) -> &ThreadStats {
        &self.stats
    }

    /// The events so far (empty unless tracing).
    pub fn events(&self) -> &[GilEvent] {
        &self.events
    }

    /// A snapshot of this thread's report (the events are copied).
    pub fn report(&self) -> ThreadReport {
        ThreadReport {
            id: self.me.id,
            name: self.name.clone(),
            stats: self.stats,
            events: self.events.clone(),
        }
    }
}

impl Drop for ThreadGil {
    fn drop(&mut self) {
        self.terminate();
    }
}

impl std::fmt::Debug for ThreadGil {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThreadGil")
            .field("id", &self.me.id)
            .field("name", &self.name)
            .field("state", &self.state)
            .finish()
    }
}
