//! The hand-off machinery behind [`super::GilLock`]: who owns the lock, the queue of waiting
//! threads, and how a waiting thread sleeps until its turn.
//!
//! # Shape
//!
//! - `owner` (an atomic) names the holder (`FREE` when nobody holds the lock). It is written
//!   only with `queue` locked, and read without the mutex by spinning waiters (Acquire, pairing
//!   with the Release store of the giver, so the taker sees everything the giver wrote while it
//!   held the lock — what `GilCell` relies on).
//! - `queue` (a parking_lot mutex) holds the waiting threads in turn order. Under `fifo` and
//!   `io-priority` a hand-off pops the head and writes its id into `owner` (a direct hand-off:
//!   nobody can slip in between), so `owner == FREE` implies an empty queue. Under `naive` the
//!   releaser just frees the lock and every waiter (the releaser included) races to claim it.
//! - Each thread has a [`Parker`]: a condvar (used with the queue mutex) it parks on, and flags
//!   saying whether it is parked or spinning.
//!
//! # Spinning before parking (design §7)
//!
//! Waking a parked thread on an idle core costs about 25 µs in these VMs; a turn at the
//! default 100 instructions lasts about 1 µs. So a waiter first spins on `owner`
//! (`spin_loop`), yields once, and only then parks. Spinning is allowed only while the holder
//! plus the spinning threads fit on the machine's cores (`available_parallelism() - 1` spin
//! slots: one on two cores), so our own spinners never take the holder's CPU; under
//! `fifo`/`io-priority` only the head of the queue spins (nobody else can be next). A taker
//! that was spinning gives its slot back at the hand-off (the giver does it for it), so the
//! giver, now queued, can spin in turn; when the giver is next in turn the slot passes to it
//! directly. A forced switch between two CPU-bound threads (every 100 instructions, ~2 µs, at
//! the defaults) is then a handful of writes to the lock's lines and the taker's: the switch
//! path writes a shared line only when its value changes (the spin budget at its cap, the eval
//! breaker that the next holder reads at every instruction), and the hand-off stamp lives on
//! the taker's `Parker`.
//!
//! Spinning only pays when the holder really runs on another core. When the machine is busy
//! (more runnable threads, ours or other processes', than cores) the holder and the waiter end
//! up sharing a core and the spinner just delays the holder; a futex wake is then cheap (the
//! core is not idle). So the spin budget adapts: it starts at 20 µs, grows (up to 50 µs) while
//! spins catch the lock, and halves each time a spin fails; below 1 µs waiters park at once
//! and only every 16th wait probes with a 10 µs spin.
//!
//! # The cost of a hand-off
//!
//! The giver stamps each hand-off's time on the taker's `Parker`; the taker adds the time
//! until it runs to its `handoff` counter (the time lost to hand-offs, shown by the lab).
//!
//! # The interval trigger
//!
//! A parked waiter waits with a timeout of `switch_interval`. If it times out while the same
//! holder still has the lock (no switch happened during the wait), it sets a drop request and
//! the eval breaker; the holder sees the breaker at its next `tick`. Nobody reads the clock per
//! instruction.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use super::policy::{GilPolicy, SwitchSettings};

/// `owner` when nobody holds the lock (thread ids start at 1).
pub(super) const FREE: u64 = 0;
/// Drop request bit: a waiter waited out the switch interval.
pub(super) const DROP_INTERVAL: u8 = 1;
/// Drop request bit: a thread back from a blocking call wants the lock (io-priority).
pub(super) const DROP_IO: u8 = 2;
/// Not a drop request: the first waiter arrived, so the holder (whose countdown ran uncounted
/// while nobody waited) must start counting `switch_instructions` now.
pub(super) const WAITER_ARRIVED: u8 = 4;

/// The spin budget starts here (ns) ...
const SPIN_START_NS: u32 = 20_000;
/// ... and never grows past this.
const SPIN_MAX_NS: u32 = 50_000;
/// A budget below this means spinning does not pay here and now: waiters park at once, but
/// every `PROBE_EVERY`-th wait spins for `PROBE_NS` to notice when it pays again.
const SPIN_USEFUL_NS: u32 = 1_000;
const PROBE_EVERY: u32 = 16;
const PROBE_NS: u32 = 50_000;
/// How long a parked waiter sleeps between looks when the interval trigger is off (so a
/// `setswitchinterval` made meanwhile is noticed).
const IDLE_WAIT: Duration = Duration::from_millis(50);

/// Where one thread sleeps while it waits for the lock.
#[derive(Default)]
pub(super) struct Parker {
    cond: Condvar,
    /// Parked on `cond` (written and read with the queue mutex held).
    parked: AtomicBool,
    /// Holds a spin slot (whoever swaps it back to false returns the slot, or keeps it: see
    /// `give`).
    spinning: AtomicBool,
    /// When the lock was handed to this thread (ns since `HandOff::base`, plus one; 0 = taken
    /// free): written by the giver, read once by this thread when its turn starts. On this
    /// thread's line, which the giver writes anyway, rather than on the lock's shared one.
    handed_at: AtomicU64,
}

/// A thread's identity as the hand-off machinery sees it.
pub(super) struct Me {
    pub(super) id: u64,
    pub(super) parker: Arc<Parker>,
}

/// A queued thread.
struct Waiter {
    id: u64,
    parker: Arc<Parker>,
    /// Queued by io-priority on its way back from a blocking call.
    priority: bool,
}

pub(super) struct HandOff {
    policy: GilPolicy,
    /// The holder's id, or `FREE`.
    owner: AtomicU64,
    queue: Mutex<VecDeque<Waiter>>,
    /// `queue.len()`, readable without the mutex (the holder's "is anyone waiting?").
    waiting: AtomicUsize,
    /// Acquisitions so far (a waiter's timeout only counts if no switch happened meanwhile).
    switches: AtomicU64,
    /// Why the holder should yield (`DROP_*` bits).
    drop_request: AtomicU8,
    /// Something other than the GIL needs the running thread's attention (signals, later).
    attention: AtomicBool,
    /// CPython's eval breaker: set when `drop_request` or `attention` is; read (relaxed) by
    /// the holder's `tick`.
    pub(super) eval_breaker: AtomicBool,
    /// How many threads may spin at once (cores - 1; 0 = never spin).
    spin_slots: usize,
    spinners: AtomicUsize,
    /// How long a waiter spins (ns), adapted to how well spinning has been catching the lock.
    spin_budget_ns: AtomicU32,
    /// Waits since spinning was judged useless (every `PROBE_EVERY`-th one probes).
    probes: AtomicU32,
    /// The time base of the hand-off stamps (`Parker::handed_at`).
    base: Instant,
}

impl HandOff {
    pub(super) fn new(policy: GilPolicy, spin: bool) -> HandOff {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        HandOff {
            policy,
            owner: AtomicU64::new(FREE),
            queue: Mutex::new(VecDeque::new()),
            waiting: AtomicUsize::new(0),
            switches: AtomicU64::new(0),
            drop_request: AtomicU8::new(0),
            attention: AtomicBool::new(false),
            eval_breaker: AtomicBool::new(false),
            spin_slots: if spin { cores.saturating_sub(1) } else { 0 },
            spinners: AtomicUsize::new(0),
            spin_budget_ns: AtomicU32::new(SPIN_START_NS),
            probes: AtomicU32::new(0),
            base: Instant::now(),
        }
    }

    /// Is another thread waiting for the lock?
    #[inline]
    pub(super) fn has_waiters(&self) -> bool {
        self.waiting.load(Ordering::Relaxed) > 0
    }

    pub(super) fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    pub(super) fn owner(&self) -> u64 {
        self.owner.load(Ordering::Relaxed)
    }

    // ---- Take the lock ------------------------------------------------------------------

    /// Take the lock for `me`: at once if it is free, else queue (at the back, or at the front
    /// with a drop request when `priority`) and wait for the turn.
    pub(super) fn take(&self, me: &Me, priority: bool, settings: &SwitchSettings) {
        let mut q = self.queue.lock();
        if self.owner.load(Ordering::Relaxed) == FREE {
            self.claim(me, &mut q);
            return;
        }
        if priority {
            let at = q.iter().take_while(|w| w.priority).count();
            q.insert(at, waiter(me, true));
            self.request_drop(DROP_IO);
        } else {
            q.push_back(waiter(me, false));
        }
        self.waiting.store(q.len(), Ordering::Relaxed);
        if q.len() == 1 {
            self.request_drop(WAITER_ARRIVED);
        }
        let head = q.front().is_some_and(|w| w.id == me.id);
        drop(q);
        self.wait_for_turn(me, head, settings, false);
    }

    /// `me` becomes the holder of the free lock (queue mutex held).
    fn claim(&self, me: &Me, q: &mut VecDeque<Waiter>) {
        if let Some(at) = q.iter().position(|w| w.id == me.id) {
            q.remove(at);
            self.waiting.store(q.len(), Ordering::Relaxed);
        }
        self.owner.store(me.id, Ordering::Release);
        self.switches.fetch_add(1, Ordering::Relaxed);
    }

    /// The new holder's side of the hand-off stamp: how long the lock was in transit to `me`
    /// until `now` (zero if it took a free lock). Call once, right after the lock was taken.
    pub(super) fn transit_time(&self, me: &Me, now: Instant) -> Duration {
        match me.parker.handed_at.swap(0, Ordering::Relaxed) {
            0 => Duration::ZERO,
            at => Duration::from_nanos(self.ns_at(now).saturating_sub(at - 1)),
        }
    }

    fn ns_at(&self, t: Instant) -> u64 {
        u64::try_from(t.saturating_duration_since(self.base).as_nanos()).unwrap_or(u64::MAX - 1)
    }

    /// Does `me` hold the lock now? (Under `naive`, claim it if it is free.) Queue mutex held.
    fn try_claim(&self, me: &Me, q: &mut VecDeque<Waiter>) -> bool {
        let owner = self.owner.load(Ordering::Acquire);
        if owner == me.id {
            return true;
        }
        if owner == FREE {
            // Only possible under `naive` (a direct hand-off never leaves waiters behind a
            // free lock), but claiming is right whatever the policy.
            self.claim(me, q);
            return true;
        }
        false
    }

    // ---- Sleep until the turn comes -----------------------------------------------------

    /// The waiting thread's loop: spin briefly (if allowed), then park on its condvar with a
    /// timeout of the switch interval, asking the holder to drop the lock each time the
    /// timeout runs out with no switch in between. Returns once `me` holds the lock.
    /// `slot`: `me` already holds a spin slot (passed on by `give`).
    fn wait_for_turn(&self, me: &Me, head: bool, settings: &SwitchSettings, mut slot: bool) {
        let mut switches_seen = self.switches.load(Ordering::Relaxed);
        let start = Instant::now();
        let mut deadline = start + wait_slice(settings);
        let mut may_spin = head || self.policy == GilPolicy::Naive;
        let mut spin_from = Some(start);
        if slot && !may_spin {
            self.return_spin_slot(&me.parker);
            slot = false;
        }
        loop {
            if may_spin && self.spin(me, std::mem::take(&mut slot), spin_from.take()) {
                return;
            }
            let mut q = self.queue.lock();
            loop {
                if self.try_claim(me, &mut q) {
                    return;
                }
                me.parker.parked.store(true, Ordering::Relaxed);
                let timed_out = me.parker.cond.wait_until(&mut q, deadline).timed_out();
                me.parker.parked.store(false, Ordering::Relaxed);
                if self.try_claim(me, &mut q) {
                    return;
                }
                if !timed_out {
                    // Woken without the lock: under `naive` a release (go and race for it);
                    // otherwise we were moved to the head. Spin again if we may.
                    may_spin = self.policy == GilPolicy::Naive || is_head(&q, me);
                    break;
                }
                let switches = self.switches.load(Ordering::Relaxed);
                if !settings.interval().is_zero() && switches == switches_seen {
                    // The same holder has had the lock for a whole interval: ask it to yield.
                    self.request_drop(DROP_INTERVAL);
                }
                switches_seen = switches;
                deadline = Instant::now() + wait_slice(settings);
            }
        }
    }

    /// Spin for the lock for a bounded, adaptive time, then yield once; true if `me` got it.
    /// `held`: `me` already holds a spin slot; `from`: the clock read just before, if any.
    fn spin(&self, me: &Me, held: bool, from: Option<Instant>) -> bool {
        let budget_ns = self.spin_budget_ns.load(Ordering::Relaxed);
        let probing = budget_ns < SPIN_USEFUL_NS;
        if probing
            && !self
                .probes
                .fetch_add(1, Ordering::Relaxed)
                .is_multiple_of(PROBE_EVERY)
        {
            if held {
                self.return_spin_slot(&me.parker);
            }
            return false;
        }
        if !held {
            let reserved = self
                .spinners
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                    (n < self.spin_slots).then_some(n + 1)
                })
                .is_ok();
            if !reserved {
                return false;
            }
            me.parker.spinning.store(true, Ordering::Relaxed);
        }
        let budget = Duration::from_nanos(u64::from(if probing { PROBE_NS } else { budget_ns }));
        let start = from.unwrap_or_else(Instant::now);
        let mut caught = None;
        let mut yielded = false;
        let mut round = 0u32;
        loop {
            let owner = self.owner.load(Ordering::Acquire);
            if owner == me.id || (owner == FREE && self.try_claim(me, &mut self.queue.lock())) {
                caught = Some(start.elapsed());
                break;
            }
            round = round.wrapping_add(1);
            if round.is_multiple_of(32) && start.elapsed() >= budget {
                if yielded {
                    break;
                }
                // One yield before parking: a holder that shares this core gets to run.
                std::thread::yield_now();
                yielded = true;
                continue;
            }
            std::hint::spin_loop();
        }
        self.return_spin_slot(&me.parker);
        // Adapt: spinning that catches the lock keeps (and stretches) the budget; spinning that
        // does not (the holder is not running beside us, or its turns are long) halves it.
        let old = self.spin_budget_ns.load(Ordering::Relaxed);
        let new = match caught {
            Some(t) if !yielded => {
                let t = u32::try_from(t.as_nanos()).unwrap_or(u32::MAX);
                old.saturating_add(old / 8)
                    .max(t.saturating_mul(2))
                    .clamp(4 * SPIN_USEFUL_NS, SPIN_MAX_NS)
            }
            _ => old / 2,
        };
        // Both threads of a ping-pong land here at every switch: leave the shared line alone
        // unless the budget really changes (at its cap it does not).
        if new != old {
            self.spin_budget_ns.store(new, Ordering::Relaxed);
        }
        caught.is_some()
    }

    fn return_spin_slot(&self, parker: &Parker) {
        if parker.spinning.swap(false, Ordering::Relaxed) {
            self.spinners.fetch_sub(1, Ordering::Relaxed);
        }
    }

    // ---- Release / hand over ------------------------------------------------------------

    /// The holder lets go (before a blocking call, or at exit): under `fifo`/`io-priority` the
    /// head of the queue gets the lock; under `naive` it is freed and a parked waiter woken.
    pub(super) fn release(&self) {
        let mut q = self.queue.lock();
        match self.policy {
            GilPolicy::Naive => self.free(&q),
            GilPolicy::Fifo | GilPolicy::IoPriority => {
                self.give(&mut q, None);
            }
        }
    }

    /// A forced switch: hand the lock over and wait for the next turn. Under `fifo` and
    /// `io-priority` the head of the queue gets it and the giver queues at the back; under
    /// `naive` the lock is freed and the giver at once races for it again. Returns false if
    /// nobody was waiting after all (the lock was kept).
    pub(super) fn switch(&self, me: &Me, settings: &SwitchSettings) -> bool {
        let mut q = self.queue.lock();
        if q.is_empty() {
            return false;
        }
        match self.policy {
            GilPolicy::Naive => {
                self.free(&q);
                drop(q);
                self.take(me, false, settings);
            }
            GilPolicy::Fifo | GilPolicy::IoPriority => {
                let slot = self.give(&mut q, Some(me));
                let head = q.len() == 1;
                drop(q);
                self.wait_for_turn(me, head, settings, slot);
            }
        }
        true
    }

    /// Direct hand-off to the head of the queue (or free the lock if nobody waits). A giver
    /// that queues behind (`requeue`, a forced switch) goes into the queue *before* the owner
    /// moves: the taker arms its countdown as soon as it sees itself the owner, and must then
    /// see a waiter, or it would run a whole uncounted chunk before noticing the giver.
    ///
    /// A taker that was spinning gives its spin slot back here; if the requeued giver is next
    /// in turn, the slot passes to it instead (true is returned: it holds the slot now), so a
    /// two-thread ping-pong never touches the shared spinner count.
    fn give(&self, q: &mut MutexGuard<'_, VecDeque<Waiter>>, requeue: Option<&Me>) -> bool {
        let next = q.pop_front();
        let giver_next = requeue.is_some() && q.is_empty();
        if let Some(me) = requeue {
            q.push_back(waiter(me, false));
        }
        self.waiting.store(q.len(), Ordering::Relaxed);
        // The new holder starts with a clean slate, except that a priority waiter now at the
        // head keeps its request standing.
        let io = q.front().is_some_and(|w| w.priority);
        self.drop_request
            .store(if io { DROP_IO } else { 0 }, Ordering::Relaxed);
        self.refresh_breaker();
        match next {
            Some(next) => {
                let mut slot = false;
                if next.parker.spinning.swap(false, Ordering::Relaxed) {
                    match requeue {
                        Some(me) if giver_next => {
                            me.parker.spinning.store(true, Ordering::Relaxed);
                            slot = true;
                        }
                        _ => {
                            self.spinners.fetch_sub(1, Ordering::Relaxed);
                        }
                    }
                }
                let now = self.ns_at(Instant::now());
                next.parker.handed_at.store(now + 1, Ordering::Relaxed);
                // Release: the taker's Acquire load of `owner` sees the queue state above.
                self.owner.store(next.id, Ordering::Release);
                self.switches.fetch_add(1, Ordering::Relaxed);
                if next.parker.parked.load(Ordering::Relaxed) {
                    next.parker.cond.notify_one();
                }
                slot
            }
            None => {
                self.owner.store(FREE, Ordering::Release);
                false
            }
        }
    }

    /// `naive`: free the lock and wake one parked waiter to race for it.
    fn free(&self, q: &VecDeque<Waiter>) {
        self.owner.store(FREE, Ordering::Release);
        self.drop_request.store(0, Ordering::Relaxed);
        self.refresh_breaker();
        if let Some(w) = q.iter().find(|w| w.parker.parked.load(Ordering::Relaxed)) {
            w.parker.cond.notify_one();
        }
    }

    // ---- Drop requests and the eval breaker ---------------------------------------------

    fn request_drop(&self, why: u8) {
        // Release/AcqRel: the holder that takes the request sees the queue as it was when the
        // request was made (`waiting` in particular).
        self.drop_request.fetch_or(why, Ordering::Release);
        self.eval_breaker.store(true, Ordering::Relaxed);
    }

    /// The holder's side: clear the breaker and return the pending `DROP_*` bits.
    pub(super) fn take_drop_request(&self) -> u8 {
        self.eval_breaker.store(false, Ordering::Relaxed);
        let why = self.drop_request.swap(0, Ordering::AcqRel);
        if self.attention.load(Ordering::Relaxed) {
            self.eval_breaker.store(true, Ordering::Relaxed);
        }
        why
    }

    fn refresh_breaker(&self) {
        let on = self.drop_request.load(Ordering::Relaxed) != 0
            || self.attention.load(Ordering::Relaxed);
        // Written only when it changes: the next holder reads it at every instruction.
        if self.eval_breaker.load(Ordering::Relaxed) != on {
            self.eval_breaker.store(on, Ordering::Relaxed);
        }
    }

    pub(super) fn request_attention(&self) {
        self.attention.store(true, Ordering::Relaxed);
        self.eval_breaker.store(true, Ordering::Relaxed);
    }

    pub(super) fn take_attention(&self) -> bool {
        let was = self.attention.swap(false, Ordering::Relaxed);
        if was {
            self.refresh_breaker();
        }
        was
    }
}

fn waiter(me: &Me, priority: bool) -> Waiter {
    Waiter {
        id: me.id,
        parker: me.parker.clone(),
        priority,
    }
}

fn is_head(q: &VecDeque<Waiter>, me: &Me) -> bool {
    q.front().is_some_and(|w| w.id == me.id)
}

/// How long one timed wait lasts: the switch interval, or `IDLE_WAIT` when it is off.
fn wait_slice(settings: &SwitchSettings) -> Duration {
    let interval = settings.interval();
    if interval.is_zero() {
        IDLE_WAIT
    } else {
        interval
    }
}
