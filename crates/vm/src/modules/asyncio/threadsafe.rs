//! The loop's door for other threads: `loop.call_soon_threadsafe` and the worker threads of
//! `asyncio.to_thread` / `loop.run_in_executor(None, ...)` hand callbacks to the loop through a
//! [`Threadsafe`] — a mutex-protected queue plus a self-pipe: the loop thread waits (GIL
//! released) in poll(2) on its timers' deadline, the descriptors of `add_reader`/`add_writer`
//! and the pipe's read end, and every hand-over writes a byte to the pipe. It also counts the
//! worker threads whose result has not been handed back yet (`pending`): while one is
//! outstanding, a loop with nothing else to do waits for it instead of reporting that every
//! task is stuck. The pipe is closed with the loop ([`Threadsafe::close`]).

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::event_loop::TimerHandle;
use crate::object::value::{NativeObject, Value};
use crate::runtime::interrupt::Stop;

/// A callback handed over by another thread, with the handle that can cancel it.
pub type TsCallback = (Value, Vec<Value>, Option<Arc<TimerHandle>>);

#[derive(Debug)]
struct Inner {
    queue: VecDeque<TsCallback>,
    /// Worker threads started and not yet finished (`begin` minus `finish`).
    pending: usize,
    /// The loop has ended: nothing will run what is queued now.
    closed: bool,
    /// The self-pipe (read end, write end), both non-blocking; -1 once closed.
    pipe: (i32, i32),
}

/// The part of a loop other threads can reach (shared through an `Arc`).
#[derive(Debug)]
pub struct Threadsafe {
    inner: Mutex<Inner>,
}

/// Longest single wait: the loop looks again at least this often (a safety net: every hand-off
/// also notifies the condition variable).
const MAX_WAIT: Duration = Duration::from_millis(100);

/// One byte into the self-pipe (a full pipe already wakes the loop: EAGAIN is fine).
fn poke(w: i32) {
    if w >= 0 {
        // SAFETY: writes one byte from a valid buffer to a descriptor this loop owns.
        unsafe { libc::write(w, [0u8].as_ptr().cast(), 1) };
    }
}

impl Threadsafe {
    /// A loop's door with a fresh self-pipe (close-on-exec, non-blocking).
    pub fn new() -> std::io::Result<Threadsafe> {
        let mut fds = [-1i32; 2];
        // SAFETY: pipe2 writes two descriptors into the array.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Threadsafe {
            inner: Mutex::new(Inner {
                queue: VecDeque::new(),
                pending: 0,
                closed: false,
                pipe: (fds[0], fds[1]),
            }),
        })
    }

    /// Queue a callback for the loop thread and wake it. False if the loop is closed.
    pub fn push(&self, cb: TsCallback) -> bool {
        let mut g = self.inner.lock();
        if g.closed {
            return false;
        }
        g.queue.push_back(cb);
        poke(g.pipe.1);
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
        poke(g.pipe.1);
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
        let (r, w) = std::mem::replace(&mut g.pipe, (-1, -1));
        for fd in [r, w] {
            if fd >= 0 {
                // SAFETY: the loop owns the pipe; nobody uses it after this (under the lock).
                unsafe { libc::close(fd) };
            }
        }
        std::mem::take(&mut g.queue)
    }

    /// Wait (call this with the GIL released) in poll(2) until one of `fds` has events, a
    /// callback is handed over, `deadline` passes or `stop` asks (Ctrl-C), at most
    /// [`MAX_WAIT`] at a time. Returns `fds` with their `revents`. Touches no Python object.
    pub fn wait(
        &self,
        deadline: Option<Instant>,
        stop: &Stop,
        mut fds: Vec<libc::pollfd>,
    ) -> std::io::Result<Vec<libc::pollfd>> {
        let (r, queued) = {
            let g = self.inner.lock();
            (g.pipe.0, !g.queue.is_empty())
        };
        if queued || stop.requested() {
            return poll(fds, 0);
        }
        let cap = Instant::now() + MAX_WAIT;
        let until = deadline.map_or(cap, |d| d.min(cap));
        let ms = until
            .saturating_duration_since(Instant::now())
            .as_micros()
            .div_ceil(1000)
            .min(i32::MAX as u128) as i32;
        fds.push(libc::pollfd {
            fd: r,
            events: libc::POLLIN,
            revents: 0,
        });
        let mut fds = poll(fds, ms)?;
        if fds.pop().is_some_and(|p| p.revents != 0) {
            let mut buf = [0u8; 256];
            // SAFETY: reads into a valid buffer from the loop's own non-blocking pipe.
            while unsafe { libc::read(r, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
        }
        Ok(fds)
    }

    /// Wake the loop's wait (a Ctrl-C: it looks at its `Stop`).
    pub fn wake(&self) {
        let g = self.inner.lock();
        poke(g.pipe.1);
    }
}

impl Drop for Threadsafe {
    fn drop(&mut self) {
        // The pipe, if the loop did not close it (the queued callbacks are dropped by then).
        let (r, w) = std::mem::replace(&mut self.inner.get_mut().pipe, (-1, -1));
        for fd in [r, w] {
            if fd >= 0 {
                // SAFETY: the loop owns the pipe and this is its last user.
                unsafe { libc::close(fd) };
            }
        }
    }
}

/// poll(2) on `fds` for at most `ms` milliseconds, retried on EINTR (a signal: the caller
/// looks at its `Stop` and comes back).
pub fn poll(mut fds: Vec<libc::pollfd>, ms: i32) -> std::io::Result<Vec<libc::pollfd>> {
    loop {
        // SAFETY: `fds` is a valid array of pollfd of the given length.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
        if n >= 0 {
            return Ok(fds);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
        if ms != 0 {
            // A signal: let the loop look at it (it comes back to wait).
            for p in &mut fds {
                p.revents = 0;
            }
            return Ok(fds);
        }
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
