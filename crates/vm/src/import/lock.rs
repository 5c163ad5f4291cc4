//! CPython's per-module import locks, in the small: the modules whose code is running (which
//! thread runs each), and the wait of a thread that imports a module another thread is still
//! initialising. The waiter lets the GIL go and polls until the module is done (or its import
//! failed), unless waiting would deadlock (the other thread waits, directly or through others,
//! for a module this one is initialising): then, as CPython does, it takes the partly
//! initialised module.

use std::time::Duration;

use rustc_hash::FxHashMap;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;

/// Modules being initialised and threads waiting for one.
#[derive(Default)]
pub struct InitState {
    /// (module name, id of the thread running its code), innermost last.
    running: Vec<(String, u64)>,
    /// Thread id -> the module it waits for.
    waiting: FxHashMap<u64, String>,
}

impl InitState {
    /// Is module `name`'s code running (in any thread)?
    pub fn is_initializing(&self, name: &str) -> bool {
        self.running.iter().any(|(n, _)| n == name)
    }

    fn owner(&self, name: &str) -> Option<u64> {
        self.running
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|&(_, t)| t)
    }

    /// Would thread `me` waiting for `name` close a cycle of waits?
    fn would_deadlock(&self, me: u64, name: &str) -> bool {
        let mut module = name.to_string();
        for _ in 0..=self.waiting.len() {
            let Some(owner) = self.owner(&module) else {
                return false;
            };
            if owner == me {
                return true;
            }
            match self.waiting.get(&owner) {
                Some(next) => module = next.clone(),
                None => return false,
            }
        }
        true
    }
}

impl Vm {
    fn thread_id(&self) -> u64 {
        self.thread_gil().id()
    }

    /// Record that this thread starts running module `name`'s code.
    pub(super) fn init_begin(&mut self, name: &str) {
        let me = self.thread_id();
        let gil = self.gil();
        self.interp
            .initializing
            .borrow_mut(gil)
            .running
            .push((name.to_string(), me));
    }

    /// Record that module `name`'s code (run by this thread) has finished.
    pub(super) fn init_end(&mut self, name: &str) {
        let me = self.thread_id();
        let gil = self.gil();
        let mut st = self.interp.initializing.borrow_mut(gil);
        if let Some(i) = st.running.iter().rposition(|(n, t)| n == name && *t == me) {
            st.running.remove(i);
        }
    }

    /// Wait while another thread initialises module `name` (see the module doc). Returns
    /// whether it waited (the caller then looks `sys.modules` up again).
    pub(super) fn wait_for_init(&mut self, name: &str) -> PyResult<bool> {
        let me = self.thread_id();
        let gil = self.gil();
        let mut waited = false;
        loop {
            {
                let mut st = self.interp.initializing.borrow_mut(gil);
                match st.owner(name) {
                    Some(owner) if owner != me && !st.would_deadlock(me, name) => {
                        st.waiting.insert(me, name.to_string());
                    }
                    _ => {
                        st.waiting.remove(&me);
                        return Ok(waited);
                    }
                }
            }
            waited = true;
            self.allow_threads(|| std::thread::sleep(Duration::from_micros(200)));
            if self.interp.interrupts.pending() {
                self.interp.initializing.borrow_mut(gil).waiting.remove(&me);
                self.check_interrupt()?;
            }
        }
    }
}
