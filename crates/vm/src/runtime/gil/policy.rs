//! How the lock changes hands: the hand-off [`GilPolicy`], the start-up [`GilConfig`], and the
//! [`SwitchSettings`] that `sys.setswitchinterval` (and the `gilvm` lab module) change at run time.

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// Who gets the lock when its holder is made to give it up (design §3), fixed per interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum GilPolicy {
    /// A forced switch hands the lock directly to the longest waiter and the giver queues
    /// behind it (CPython's FORCE_SWITCHING): no immediate re-grab.
    #[default]
    Fifo,
    /// Release and immediately try again (Python 2): on several cores the releasing thread
    /// mostly wins again, Beazley's "GIL battle".
    Naive,
    /// Like `Fifo`, but a thread coming back from a blocking call goes to the front of the queue
    /// and asks the holder to yield at its next check (bpo-7946's fix for the convoy effect).
    IoPriority,
}

impl GilPolicy {
    /// Every policy, in the order they are documented.
    pub const ALL: [GilPolicy; 3] = [GilPolicy::Fifo, GilPolicy::Naive, GilPolicy::IoPriority];

    /// The name used on the command line (`--gil-policy`).
    pub fn name(self) -> &'static str {
        match self {
            GilPolicy::Fifo => "fifo",
            GilPolicy::Naive => "naive",
            GilPolicy::IoPriority => "io-priority",
        }
    }
}

impl fmt::Display for GilPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A policy name that is not one of [`GilPolicy::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownPolicy(pub String);

impl fmt::Display for UnknownPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let valid: Vec<&str> = GilPolicy::ALL.iter().map(|p| p.name()).collect();
        write!(
            f,
            "unknown GIL policy '{}' (valid policies: {})",
            self.0,
            valid.join(", ")
        )
    }
}

impl std::error::Error for UnknownPolicy {}

impl FromStr for GilPolicy {
    type Err = UnknownPolicy;
    fn from_str(s: &str) -> Result<GilPolicy, UnknownPolicy> {
        GilPolicy::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| UnknownPolicy(s.to_string()))
    }
}

/// The default switch interval (`--switch-interval`, `sys.getswitchinterval()`): its one
/// definition, which the CLI, `VmConfig` and the lab use.
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(15);
/// The default number of instructions between forced switches.
pub const DEFAULT_SWITCH_INSTRUCTIONS: u32 = 100;

/// Everything fixed when an interpreter starts (the switch triggers change later through
/// [`SwitchSettings`]).
#[derive(Clone, Copy, Debug)]
pub struct GilConfig {
    pub policy: GilPolicy,
    /// Instructions a holder runs before it must hand over to a waiter (0 = never by count).
    pub switch_instructions: u32,
    /// How long a holder may keep the lock while another thread waits (zero = never by time).
    pub switch_interval: Duration,
    /// Record every state transition (for `--trace` / `--timeline`); off, a run pays nothing.
    pub tracing: bool,
    /// Let a waiting thread spin briefly before it parks (see `handoff.rs`); on by default,
    /// off only to measure what parking alone costs.
    pub spin: bool,
    /// File a [`super::ThreadReport`] for every thread that ends, for
    /// [`super::GilLock::take_reports`]. Off, nothing accumulates: a long-running program that
    /// starts threads all the time must not keep a record of each one when nobody reads them.
    pub keep_reports: bool,
}

impl Default for GilConfig {
    fn default() -> GilConfig {
        GilConfig {
            policy: GilPolicy::Fifo,
            switch_instructions: DEFAULT_SWITCH_INSTRUCTIONS,
            switch_interval: DEFAULT_SWITCH_INTERVAL,
            tracing: false,
            spin: true,
            keep_reports: true,
        }
    }
}

/// The two switch triggers, readable and writable from any thread (relaxed atomics: a new
/// setting takes effect at the holder's next check or the waiter's next timed wait).
#[derive(Debug)]
pub struct SwitchSettings {
    instructions: AtomicU32,
    interval_nanos: AtomicU64,
}

impl SwitchSettings {
    pub fn new(instructions: u32, interval: Duration) -> SwitchSettings {
        SwitchSettings {
            instructions: AtomicU32::new(instructions),
            interval_nanos: AtomicU64::new(duration_nanos(interval)),
        }
    }
    /// Instructions between forced switches (0 = off).
    #[inline]
    pub fn instructions(&self) -> u32 {
        self.instructions.load(Ordering::Relaxed)
    }
    pub fn set_instructions(&self, n: u32) {
        self.instructions.store(n, Ordering::Relaxed)
    }
    /// The switch interval (zero = off).
    #[inline]
    pub fn interval(&self) -> Duration {
        Duration::from_nanos(self.interval_nanos.load(Ordering::Relaxed))
    }
    pub fn set_interval(&self, interval: Duration) {
        self.interval_nanos
            .store(duration_nanos(interval), Ordering::Relaxed)
    }
}

fn duration_nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names_round_trip() {
        for p in GilPolicy::ALL {
            assert_eq!(p.name().parse::<GilPolicy>(), Ok(p));
            assert_eq!(p.to_string(), p.name());
        }
        assert_eq!(GilPolicy::default(), GilPolicy::Fifo);
    }

    #[test]
    fn unknown_policy_lists_the_valid_names() {
        let err = "round-robin".parse::<GilPolicy>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown GIL policy 'round-robin' (valid policies: fifo, naive, io-priority)"
        );
        assert!("FIFO".parse::<GilPolicy>().is_err());
        assert!("".parse::<GilPolicy>().is_err());
    }

    #[test]
    fn settings_change_at_run_time() {
        let s = SwitchSettings::new(100, Duration::from_millis(15));
        assert_eq!(s.instructions(), 100);
        assert_eq!(s.interval(), Duration::from_millis(15));
        s.set_instructions(0);
        s.set_interval(Duration::from_micros(500));
        assert_eq!(s.instructions(), 0);
        assert_eq!(s.interval(), Duration::from_micros(500));
        s.set_interval(Duration::MAX);
        assert_eq!(s.interval(), Duration::from_nanos(u64::MAX));
    }
}
