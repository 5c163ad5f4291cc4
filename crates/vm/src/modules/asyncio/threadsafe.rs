//! The loop's door for other threads: `loop.call_soon_threadsafe` and the worker threads of
//! `asyncio.to_thread` / `loop.run_in_executor(None, ...)` hand callbacks to the loop through a
//! [`Threadsafe`] — a mutex-protected queue plus a condition variable that wakes the loop thread
//! while it waits (GIL released) for its next timer. It also counts the worker threads whose
//! result has not been handed back yet (`pending`): while one is outstanding, a loop with
//! nothing else to do waits for it instead of reporting that every task is stuck.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::event_loop::TimerHandle;
use crate::object::value::{NativeObject, Value};
use crate::runtime::interrupt::Stop;

/// A callback handed over by another thread, with the handle that can cancel it.
pub type TsCallback = (Value, Vec<Value>, Option<Arc<TimerHandle>>);

#[derive(Debug, Default)]
struct Inner {
    queue: VecDeque<TsCallback>,
    /// Worker threads started and not yet finished (`begin` minus `finish`).
    pending: usize,
    /// The loop has ended: nothing will run what is queued now.
    closed: bool,
}

/// The part of a loop other threads can reach (shared through an `Arc`).
#[derive(Debug, Default)]
pub struct Threadsafe {
    inner: Mutex<Inner>,
    wake: Condvar,
}

/// Longest single wait: the loop looks again at least this often (a safety net: every hand-off
/// also notifies the condition variable).
const MAX_WAIT: Duration = Duration::from_millis(100);

impl Threadsafe {
    /// Queue a callback for the loop thread and wake it. False if the loop is closed.
    pub fn push(&self, cb: TsCallback) -> bool {
        let mut g = self.inner.lock();
        if g.closed {
            return false;
        }
        g.queue.push_back(cb);
        drop(g);
        self.wake.notify_all();
        true
    }

    /// A worker thread is starting.
    pub fn begin(&self) {
        self.inner.lock().pending += 1;
    }

    /// A worker thread is done: queue its callback (if any, and if the loop is still open) and
    /// count it finished, in one step so the loop never sees neither.
    pub fn finish(&self, cb: Option<TsCallback>) {
        let mut g = self.inner.lock();
        g.pending = g.pending.saturating_sub(1);
        if let Some(cb) = cb {
            if !g.closed {
                g.queue.push_back(cb);
            }
        }
        drop(g);
        self.wake.notify_all();
    }

    /// Everything queued so far, oldest first.
    pub fn take(&self) -> VecDeque<TsCallback> {
        std::mem::take(&mut self.inner.lock().queue)
    }

    /// Worker threads still outstanding.
    pub fn pending(&self) -> usize {
        self.inner.lock().pending
    }

    /// Is something queued or still to come from a worker thread?
    pub fn busy(&self) -> bool {
        let g = self.inner.lock();
        g.pending > 0 || !g.queue.is_empty()
    }

    /// The loop has ended: refuse new callbacks and drop the queued ones (returned, so the
    /// caller drops them while it holds the GIL).
    pub fn close(&self) -> VecDeque<TsCallback> {
        let mut g = self.inner.lock();
        g.closed = true;
        std::mem::take(&mut g.queue)
    }

    /// Wait (call this with the GIL released) until a callback is queued, `deadline` passes
    /// or `stop` asks (Ctrl-C), at most [`MAX_WAIT`] at a time. Touches no Python object.
    pub fn wait(&self, deadline: Option<Instant>, stop: &Stop) {
        let cap = Instant::now() + MAX_WAIT;
        let until = deadline.map_or(cap, |d| d.min(cap));
        let mut g = self.inner.lock();
        while g.queue.is_empty() && !stop.requested() {
            if self.wake.wait_until(&mut g, until).timed_out() {
                break;
            }
        }
    }

    /// Wake the loop's wait (a Ctrl-C: it looks at its `Stop`).
    pub fn wake(&self) {
        let _g = self.inner.lock();
        self.wake.notify_all();
    }
}

/// The Python-visible handle of a loop's [`Threadsafe`] (held by the loop object).
#[derive(Debug)]
pub struct LoopHandle(pub Arc<Threadsafe>);

impl NativeObject for LoopHandle {
    fn type_name(&self) -> &'static str {
        "_asyncio.LoopHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn as_handle(v: &Value) -> Option<&Arc<Threadsafe>> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<LoopHandle>().map(|h| &h.0),
        _ => None,
    }
}
