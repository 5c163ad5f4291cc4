//! Thread states and the transitions between them (design §3: the process-state model).
//!
//! Every transition updates the thread's counters ([`super::stats`]); when tracing is on it is
//! also appended to the thread's event list as a [`GilEvent`] with a monotonic timestamp
//! relative to the interpreter's start, for `--trace` (Chrome trace) and `--timeline`.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Where a thread is with respect to the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThreadState {
    /// Created, has not asked for the lock yet.
    New,
    /// Waiting for the lock (queued, spinning or parked).
    Ready,
    /// Holding the lock and running bytecode.
    Running,
    /// In a blocking call (sleep, I/O, join, a lock or queue wait), lock released.
    Blocked,
    /// Finished; the lock is released for good.
    Terminated,
}

impl ThreadState {
    pub fn name(self) -> &'static str {
        match self {
            ThreadState::New => "new",
            ThreadState::Ready => "ready",
            ThreadState::Running => "running",
            ThreadState::Blocked => "blocked",
            ThreadState::Terminated => "terminated",
        }
    }
}

impl fmt::Display for ThreadState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a transition happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Transition {
    /// The thread was registered (-> New).
    Created,
    /// It asks for the lock for the first time (New -> Ready).
    Start,
    /// It got the lock (Ready -> Running).
    Acquired,
    /// Forced switch: it ran `switch_instructions` instructions (Running -> Ready).
    SwitchInstructions,
    /// Forced switch: a waiter waited out `switch_interval` (Running -> Ready).
    SwitchInterval,
    /// Forced switch: a thread back from a blocking call asked for the lock (io-priority).
    SwitchIoPriority,
    /// Voluntary switch: it entered a blocking call (Running -> Blocked).
    Block,
    /// It came back from a blocking call and asks for the lock again (Blocked -> Ready).
    Unblock,
    /// It finished (-> Terminated).
    Exit,
}

impl Transition {
    pub fn name(self) -> &'static str {
        match self {
            Transition::Created => "created",
            Transition::Start => "start",
            Transition::Acquired => "acquired",
            Transition::SwitchInstructions => "switch-instructions",
            Transition::SwitchInterval => "switch-interval",
            Transition::SwitchIoPriority => "switch-io-priority",
            Transition::Block => "block",
            Transition::Unblock => "unblock",
            Transition::Exit => "exit",
        }
    }

    /// Is this a forced switch (the holder was made to give the lock up)?
    pub fn is_forced_switch(self) -> bool {
        matches!(
            self,
            Transition::SwitchInstructions
                | Transition::SwitchInterval
                | Transition::SwitchIoPriority
        )
    }
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One state transition of one thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GilEvent {
    /// When, relative to the interpreter's start (monotonic clock).
    pub at: Duration,
    /// The state entered.
    pub state: ThreadState,
    /// Why.
    pub reason: Transition,
    /// On leaving Running: the instructions run in the slice that ended; otherwise 0.
    pub instructions: u64,
}
