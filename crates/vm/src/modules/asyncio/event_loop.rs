//! The event loop: a FIFO of ready callbacks and a heap of timers, run one thread at a time as
//! CPython's `BaseEventLoop._run_once` does — wait for the earliest timer if nothing is ready,
//! move every due timer to the ready queue, then run exactly the callbacks that were ready at
//! that point (callbacks they schedule run in the next round). Tasks are stepped by
//! [`task_step`], CPython's `Task.__step`.
//!
//! The wait is poll(2) (GIL released) on the descriptors of `add_reader`/`add_writer`, the
//! self-pipe other threads wake the loop through ([`super::threadsafe`]) and the next timer's
//! deadline; a descriptor that is ready queues its callback, as CPython's `_process_events`.
//!
//! The loop of the running `asyncio.run` lives in a thread-local: one loop per OS thread.

use std::cell::{Cell, RefCell};
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::interp::generator::{as_generator, GenStep};
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{NativeObject, Value};

use super::future::{self, as_future, Status};
use super::threadsafe::{Threadsafe, TsCallback};

/// A scheduled callback.
#[derive(Debug)]
pub enum Cb {
    /// `Task.__step(exc)`.
    Step(Value, Option<PyErr>),
    /// `Task.__wakeup(future)`: the task awaited the future, which is now done.
    Wakeup(Value, Value),
    /// Set a future's result unless it was cancelled (the timer of `sleep`).
    SetResult(Value, Value),
    /// A Python callable with its arguments; skipped if its handle was cancelled.
    Py(Value, Vec<Value>, Option<Arc<TimerHandle>>),
}

/// What `_call_later` returns: `cancel()` stops the callback from running.
#[derive(Debug, Default)]
pub struct TimerHandle {
    cancelled: GilCell<bool>,
}

impl NativeObject for TimerHandle {
    fn type_name(&self) -> &'static str {
        "_asyncio.TimerHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[derive(Debug)]
struct Timer {
    when: f64,
    seq: u64,
    cb: Cb,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    fn cmp(&self, other: &Self) -> Ordering {
        self.when
            .total_cmp(&other.when)
            .then(self.seq.cmp(&other.seq))
    }
}

/// The callback of `add_reader`/`add_writer` for one descriptor.
type Watch = (Value, Vec<Value>, Arc<TimerHandle>);

struct LoopState {
    start: Instant,
    /// `add_reader` callbacks by descriptor.
    readers: BTreeMap<i32, Watch>,
    /// `add_writer` callbacks by descriptor.
    writers: BTreeMap<i32, Watch>,
    /// Seconds the virtual clock has jumped ahead (sandbox: timers fire without waiting).
    skew: f64,
    ready: VecDeque<Cb>,
    timers: BinaryHeap<Reverse<Timer>>,
    seq: u64,
    current: Option<Value>,
    /// Every task created on this loop and not yet seen done (pruned now and then).
    tasks: Vec<Value>,
    /// Tasks that ended with an exception nobody may have retrieved yet.
    failed: Vec<Value>,
    /// What other threads reach the loop through ([`super::threadsafe`]).
    ts: Arc<Threadsafe>,
    /// The Python loop object (`get_running_loop()`), made on first use.
    py_loop: Option<Value>,
    /// Ctrl-C seen while this loop ran on the main thread (CPython's
    /// `Runner._interrupt_count`).
    interrupts: u32,
    /// The first Ctrl-C asks for the main task to be cancelled (done between two rounds).
    cancel_main: bool,
}

thread_local! {
    static LOOP: RefCell<Option<LoopState>> = const { RefCell::new(None) };
    static TASK_COUNTER: Cell<u64> = const { Cell::new(0) };
}

impl LoopState {
    /// Seconds since the loop started, on its (possibly virtual) clock.
    fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64() + self.skew
    }
}

fn with_loop<T>(f: impl FnOnce(&mut LoopState) -> T) -> Option<T> {
    LOOP.with(|l| l.borrow_mut().as_mut().map(f))
}

pub fn is_running() -> bool {
    LOOP.with(|l| l.borrow().is_some())
}

fn no_loop(vm: &Vm) -> PyErr {
    vm.runtime_error("no running event loop")
}

/// Seconds since the loop started (`loop.time()`).
pub fn time() -> f64 {
    with_loop(|l| l.now()).unwrap_or(0.0)
}

pub fn call_soon(cb: Cb) {
    with_loop(|l| l.ready.push_back(cb));
}

pub fn call_later(delay: f64, cb: Cb) {
    with_loop(|l| {
        let when = l.now() + delay.max(0.0);
        l.seq += 1;
        let seq = l.seq;
        l.timers.push(Reverse(Timer { when, seq, cb }));
    });
}

/// `_call_later(delay, callback, *args)` / `_call_soon(callback, *args)` for the Python part.
pub fn call_py(vm: &Vm, delay: Option<f64>, f: Value, args: Vec<Value>) -> PyResult<Value> {
    if !is_running() {
        return Err(no_loop(vm));
    }
    let h = Arc::new(TimerHandle::default());
    let cb = Cb::Py(f, args, Some(h.clone()));
    match delay {
        Some(d) => call_later(d, cb),
        None => call_soon(cb),
    }
    Ok(Value::Native(Arc::new(Box::new(HandleRef(h)))))
}

/// The running loop's door for other threads.
pub fn threadsafe() -> Option<Arc<Threadsafe>> {
    with_loop(|l| l.ts.clone())
}

/// `loop.call_soon_threadsafe(callback, *args)` on the loop behind `ts`: from the loop's own
/// thread the callback goes straight to the ready queue (keeping its order with `call_soon`),
/// from another thread through the queue that wakes the loop.
pub fn call_soon_threadsafe(
    vm: &Vm,
    ts: &Arc<Threadsafe>,
    f: Value,
    args: Vec<Value>,
) -> PyResult<Value> {
    let h = Arc::new(TimerHandle::default());
    let cb: TsCallback = (f, args, Some(h.clone()));
    let own = with_loop(|l| Arc::ptr_eq(&l.ts, ts)).unwrap_or(false);
    if own {
        let (f, args, h) = cb;
        call_soon(Cb::Py(f, args, h));
    } else if !ts.push(cb) {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    Ok(Value::Native(Arc::new(Box::new(HandleRef(h)))))
}

/// The Python loop object of the running loop, if made already.
pub fn py_loop() -> Option<Value> {
    with_loop(|l| l.py_loop.clone()).flatten()
}

pub fn set_py_loop(v: Value) {
    with_loop(|l| l.py_loop = Some(v));
}

/// `loop.add_reader(fd, callback, *args)` (`write`: `add_writer`): replaces (and cancels) the
/// descriptor's callback if it had one; the handle of the new one.
pub fn add_watch(vm: &Vm, fd: i32, write: bool, f: Value, args: Vec<Value>) -> PyResult<Value> {
    if fd < 0 {
        return Err(vm.value_error(format!("Invalid file descriptor: {fd}")));
    }
    let h = Arc::new(TimerHandle::default());
    let old = with_loop(|l| {
        let map = if write {
            &mut l.writers
        } else {
            &mut l.readers
        };
        map.insert(fd, (f, args, h.clone()))
    })
    .ok_or_else(|| no_loop(vm))?;
    if let Some((_, _, old)) = old {
        *old.cancelled.borrow_mut(vm.gil()) = true;
    }
    Ok(Value::Native(Arc::new(Box::new(HandleRef(h)))))
}

/// `loop.remove_reader(fd)` / `remove_writer`: was a callback registered?
pub fn remove_watch(vm: &Vm, fd: i32, write: bool) -> bool {
    let old = with_loop(|l| {
        let map = if write {
            &mut l.writers
        } else {
            &mut l.readers
        };
        map.remove(&fd)
    })
    .flatten();
    match old {
        Some((_, _, h)) => {
            *h.cancelled.borrow_mut(vm.gil()) = true;
            true
        }
        None => false,
    }
}

/// The poll(2) set of the registered descriptors (a descriptor both read and written once).
fn watched() -> Vec<libc::pollfd> {
    with_loop(|l| {
        let mut out: Vec<libc::pollfd> = Vec::new();
        for &fd in l.readers.keys() {
            out.push(libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            });
        }
        for &fd in l.writers.keys() {
            match out.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= libc::POLLOUT,
                None => out.push(libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                }),
            }
        }
        out
    })
    .unwrap_or_default()
}

/// Queue the callbacks of the descriptors poll(2) found ready (as `selectors.PollSelector`:
/// any event but POLLOUT counts as readable, any but POLLIN as writable).
fn process_events(fds: &[libc::pollfd]) {
    with_loop(|l| {
        for p in fds.iter().filter(|p| p.revents != 0) {
            if p.revents & !libc::POLLOUT != 0 {
                if let Some((f, a, h)) = l.readers.get(&p.fd) {
                    l.ready
                        .push_back(Cb::Py(f.clone(), a.clone(), Some(h.clone())));
                }
            }
            if p.revents & !libc::POLLIN != 0 {
                if let Some((f, a, h)) = l.writers.get(&p.fd) {
                    l.ready
                        .push_back(Cb::Py(f.clone(), a.clone(), Some(h.clone())));
                }
            }
        }
    });
}

/// The Python-visible handle (shares the cancel flag with the scheduled callback).
#[derive(Debug)]
pub struct HandleRef(pub Arc<TimerHandle>);

impl NativeObject for HandleRef {
    fn type_name(&self) -> &'static str {
        "_asyncio.TimerHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn cancel_handle(vm: &Vm, h: &Value) {
    if let Value::Native(n) = h {
        if let Some(r) = n.as_any().downcast_ref::<HandleRef>() {
            *r.0.cancelled.borrow_mut(vm.gil()) = true;
        }
    }
}

pub fn current_task() -> Value {
    with_loop(|l| l.current.clone())
        .flatten()
        .unwrap_or(Value::None)
}

/// Is `v` something a task can drive (a coroutine or gilvm's native `sleep` awaitable)?
pub fn is_coroutine(v: &Value) -> bool {
    as_generator(v).is_some_and(|g| g.coroutine) || super::as_sleep(v).is_some()
}

/// `asyncio.create_task(coro, name=None)`.
pub fn create_task(vm: &mut Vm, coro: Value, name: Option<Value>) -> PyResult<Value> {
    if !is_running() {
        return Err(no_loop(vm));
    }
    if !is_coroutine(&coro) {
        let r = vm.repr(&coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
    }
    spawn_task(vm, coro, name)
}

/// A task driving `coro`: a coroutine, or an awaitable iterator `drive` knows (`ensure_future`
/// of an async generator's `__anext__()`, ...).
pub fn spawn_task(vm: &mut Vm, coro: Value, name: Option<Value>) -> PyResult<Value> {
    let name = match name {
        Some(n) if !n.is_none() => Value::str(vm.to_str(&n)?),
        _ => {
            let n = TASK_COUNTER.with(|c| {
                c.set(c.get() + 1);
                c.get()
            });
            Value::str(format!("Task-{n}"))
        }
    };
    let task = future::new_task(coro, name);
    let gil = vm.gil();
    with_loop(|l| {
        l.ready.push_back(Cb::Step(task.clone(), None));
        if l.tasks.len() >= 1024 && l.tasks.len().is_power_of_two() {
            l.tasks.retain(|t| {
                as_future(t).is_some_and(|f| f.st.borrow(gil).status == Status::Pending)
            });
        }
        l.tasks.push(task.clone());
    });
    Ok(task)
}

fn drive(vm: &mut Vm, coro: &Value, exc: Option<PyErr>) -> PyResult<GenStep> {
    if let Some(g) = as_generator(coro) {
        return match exc {
            None => vm.gen_send(g, Value::None),
            Some(e) => vm.gen_throw(g, e),
        };
    }
    let r = match exc {
        None => super::native_send(vm, coro, &Value::None)
            .or_else(|| crate::interp::async_gen::async_send(vm, coro, Value::None)),
        Some(e) => super::native_throw(vm, coro, &e)
            .or_else(|| crate::interp::async_gen::async_throw(vm, coro, &e)),
    };
    r.unwrap_or_else(|| Err(vm.type_error("a coroutine was expected")))
}

/// `Task.__step`.
fn task_step(vm: &mut Vm, tv: &Value, exc: Option<PyErr>) -> PyResult<()> {
    let gil = vm.gil();
    let Some(task) = as_future(tv) else {
        return Ok(());
    };
    let Some(tp) = &task.task else {
        return Ok(());
    };
    if task.st.borrow(gil).status != Status::Pending {
        return Ok(());
    }
    let cancelled_class = super::module_class(vm, "CancelledError");
    let is_cancel = |vm: &Vm, e: &PyErr| cancelled_class.as_ref().is_some_and(|c| vm.err_is(e, c));
    let mut exc = exc;
    let must_cancel = std::mem::take(&mut tp.st.borrow_mut(gil).must_cancel);
    if must_cancel && !exc.as_ref().is_some_and(|e| is_cancel(vm, e)) {
        let msg = task.st.borrow(gil).cancel_msg.clone();
        exc = Some(future::cancelled_error(vm, &msg));
    }
    tp.st.borrow_mut(gil).fut_waiter = None;
    let prev = with_loop(|l| l.current.replace(tv.clone())).flatten();
    let r = drive(vm, &tp.coro, exc);
    with_loop(|l| l.current = prev);
    match r {
        Ok(GenStep::Returned(v)) => {
            let must = std::mem::take(&mut tp.st.borrow_mut(gil).must_cancel);
            if must {
                let msg = task.st.borrow(gil).cancel_msg.clone();
                future::cancel_plain(vm, tv, task, msg);
            } else {
                future::set_result(vm, tv, task, v)?;
            }
        }
        Ok(GenStep::Yielded(y)) => {
            if let Some(yf) = as_future(&y) {
                if y.is(tv) {
                    let r = vm.repr(tv)?;
                    let e = vm.runtime_error(format!("Task cannot await on itself: {r}"));
                    call_soon(Cb::Step(tv.clone(), Some(e)));
                } else {
                    let pending = yf.st.borrow(gil).status == Status::Pending;
                    if pending {
                        yf.st
                            .borrow_mut(gil)
                            .callbacks
                            .push(future::DoneCb::Wake(tv.clone()));
                    } else {
                        call_soon(Cb::Wakeup(tv.clone(), y.clone()));
                    }
                    tp.st.borrow_mut(gil).fut_waiter = Some(y.clone());
                    let must = tp.st.borrow(gil).must_cancel;
                    if must {
                        let msg = task.st.borrow(gil).cancel_msg.clone();
                        if future::cancel(vm, &y, yf, msg) {
                            tp.st.borrow_mut(gil).must_cancel = false;
                        }
                    }
                }
            } else if y.is_none() {
                call_soon(Cb::Step(tv.clone(), None));
            } else {
                let r = vm.repr(&y)?;
                let e = vm.runtime_error(format!("Task got bad yield: {r}"));
                call_soon(Cb::Step(tv.clone(), Some(e)));
            }
        }
        Err(e) => {
            if is_cancel(vm, &e) {
                let msg = vm.get_attr(&e.value(), "args").ok();
                let msg = match msg {
                    Some(Value::Tuple(t)) if !t.items.is_empty() => t.items[0].clone(),
                    _ => Value::None,
                };
                future::cancel_plain(vm, tv, task, msg);
            } else {
                let fatal = vm.err_is(&e, &vm.types().system_exit.clone())
                    || vm.err_is(&e, &vm.types().keyboard_interrupt.clone());
                if vm.is_limit_error(&e) {
                    return Err(e);
                }
                future::set_exception(vm, tv, task, e.clone())?;
                if fatal {
                    task.st.borrow_mut(gil).log_tb = false;
                    return Err(e);
                }
                with_loop(|l| {
                    // Done: only `failed` keeps it now (its count of references tells when
                    // nothing else does).
                    l.tasks.retain(|x| !x.is(tv));
                    l.failed.push(tv.clone());
                });
            }
        }
    }
    Ok(())
}

fn run_cb(vm: &mut Vm, cb: Cb) -> PyResult<()> {
    match cb {
        Cb::Step(t, exc) => task_step(vm, &t, exc),
        Cb::Wakeup(t, f) => {
            let exc = match as_future(&f) {
                Some(ff) => future::result(vm, ff).err(),
                None => None,
            };
            task_step(vm, &t, exc)
        }
        Cb::SetResult(f, v) => {
            if let Some(ff) = as_future(&f) {
                if ff.st.borrow(vm.gil()).status == Status::Pending {
                    future::set_result(vm, &f, ff, v)?;
                }
            }
            Ok(())
        }
        Cb::Py(f, args, handle) => {
            if let Some(h) = &handle {
                if *h.cancelled.borrow(vm.gil()) {
                    return Ok(());
                }
            }
            if let Err(e) = vm.call(&f, &args) {
                let fatal = vm.err_is(&e, &vm.types().system_exit.clone())
                    || vm.err_is(&e, &vm.types().keyboard_interrupt.clone())
                    || vm.is_limit_error(&e);
                if fatal {
                    return Err(e);
                }
                let text = vm.format_exception(&e);
                vm.interp.flush_stdout();
                let _ = vm
                    .interp
                    .write_stderr(format!("Exception in callback\n{text}").as_bytes());
            }
            Ok(())
        }
    }
}

/// Move the callbacks other threads handed over to the ready queue.
fn drain_threadsafe(ts: &Threadsafe) {
    let got = ts.take();
    if !got.is_empty() {
        with_loop(|l| {
            l.ready
                .extend(got.into_iter().map(|(f, a, h)| Cb::Py(f, a, h)))
        });
    }
}

/// CPython's `Task.__del__` for the failed tasks nothing refers to any more (`all`: every one
/// left, as the loop closes): "Task exception was never retrieved" on stderr for those whose
/// exception nobody retrieved.
fn report_unretrieved(vm: &mut Vm, all: bool) {
    let gil = vm.gil();
    let gone = with_loop(|l| {
        let mut gone = Vec::new();
        let mut i = 0;
        while i < l.failed.len() {
            let t = &l.failed[i];
            let retrieved = as_future(t).is_none_or(|f| !f.st.borrow(gil).log_tb);
            let unreferenced = matches!(t, Value::Native(n) if Arc::strong_count(n) == 1);
            if retrieved || all || unreferenced {
                let t = l.failed.swap_remove(i);
                if !retrieved {
                    gone.push(t);
                }
            } else {
                i += 1;
            }
        }
        gone
    })
    .unwrap_or_default();
    for t in gone {
        let Some(f) = as_future(&t) else { continue };
        let exc = {
            let mut st = f.st.borrow_mut(gil);
            st.log_tb = false;
            st.exc.clone()
        };
        let Some(e) = exc else { continue };
        let r = vm.repr(&t).unwrap_or_else(|_| "<Task>".to_string());
        let text = vm.format_exception(&e);
        vm.interp.flush_stdout();
        let _ = vm.interp.write_stderr(
            format!("Task exception was never retrieved\nfuture: {r}\n{text}").as_bytes(),
        );
    }
}

/// One round of the loop.
fn run_once(vm: &mut Vm) -> PyResult<()> {
    if with_loop(|l| !l.failed.is_empty()).unwrap_or(false) {
        report_unretrieved(vm, false);
    }
    let Some(ts) = threadsafe() else {
        return Err(no_loop(vm));
    };
    drain_threadsafe(&ts);
    let fds = watched();
    let timeout = with_loop(|l| {
        if !l.ready.is_empty() {
            Some(0.0)
        } else {
            l.timers.peek().map(|Reverse(t)| t.when - l.now())
        }
    })
    .flatten();
    match timeout {
        Some(t) if t <= 0.0 => {
            if !fds.is_empty() {
                let fds = super::threadsafe::poll(fds, 0)
                    .map_err(|e| crate::builtins::file::os_error(vm, e.into(), None))?;
                process_events(&fds);
            }
        }
        Some(t) if vm.sandboxed() && fds.is_empty() => {
            // The sandbox's virtual clock: jump to the next timer instead of sleeping.
            with_loop(|l| l.skew += t);
        }
        _ => {
            // Nothing is ready: wait, with the GIL released, for the next timer or for another
            // thread to hand a callback over. With no timer, only worker threads still running
            // (or other live threads, which might call `call_soon_threadsafe`) can wake the
            // loop; with none of those every task waits forever.
            if timeout.is_none() && fds.is_empty() && !ts.busy() && vm.interp.threads.count() <= 1 {
                return Err(vm.runtime_error(
                    "gilvm: the event loop has nothing left to run but the main task is not \
                     done (every task is waiting)",
                ));
            }
            let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t));
            let waiter = ts.clone();
            let waker = ts.clone();
            let polled = vm.wait_interruptibly(
                move || waker.wake(),
                move |stop| waiter.wait(deadline, stop, fds),
            );
            // Ctrl-C: cancels the main task (`on_interrupt`), or raises if it is the second.
            vm.check_interrupt()?;
            let polled = polled.map_err(|e| crate::builtins::file::os_error(vm, e.into(), None))?;
            process_events(&polled);
            drain_threadsafe(&ts);
        }
    }
    let ntodo = with_loop(|l| {
        let now = l.now() + 1e-9;
        while l.timers.peek().is_some_and(|Reverse(t)| t.when <= now) {
            if let Some(Reverse(t)) = l.timers.pop() {
                l.ready.push_back(t.cb);
            }
        }
        l.ready.len()
    })
    .unwrap_or(0);
    for _ in 0..ntodo {
        let Some(cb) = with_loop(|l| l.ready.pop_front()).flatten() else {
            break;
        };
        run_cb(vm, cb)?;
    }
    Ok(())
}

fn is_done(vm: &Vm, f: &Value) -> bool {
    as_future(f).is_none_or(|f| f.st.borrow(vm.gil()).status != Status::Pending)
}

/// `asyncio.run(coro)`.
pub fn run(vm: &mut Vm, coro: Value) -> PyResult<Value> {
    if is_running() {
        return Err(vm.runtime_error("asyncio.run() cannot be called from a running event loop"));
    }
    if !is_coroutine(&coro) {
        let r = vm.repr(&coro)?;
        return Err(vm.value_error(format!("a coroutine was expected, got {r}")));
    }
    let ts = Threadsafe::new().map_err(|e| crate::builtins::file::os_error(vm, e.into(), None))?;
    LOOP.with(|l| {
        *l.borrow_mut() = Some(LoopState {
            start: Instant::now(),
            readers: BTreeMap::new(),
            writers: BTreeMap::new(),
            skew: 0.0,
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            seq: 0,
            current: None,
            tasks: Vec::new(),
            failed: Vec::new(),
            ts: Arc::new(ts),
            py_loop: None,
            interrupts: 0,
            cancel_main: false,
        })
    });
    let r = run_main(vm, coro);
    report_unretrieved(vm, true);
    // Tear down in any case (the state holds values).
    let state = LOOP.with(|l| l.borrow_mut().take());
    if let Some(s) = &state {
        drop(s.ts.close());
    }
    drop(state);
    r
}

/// The handler of a Ctrl-C on the main thread while `asyncio.run` runs there (CPython's
/// `Runner._on_sigint`): the first one cancels the main task (returns true: nothing is
/// raised), a later one raises KeyboardInterrupt (false). False when no loop runs.
pub fn on_interrupt() -> bool {
    with_loop(|l| {
        l.interrupts += 1;
        if l.interrupts == 1 {
            l.cancel_main = true;
            true
        } else {
            false
        }
    })
    .unwrap_or(false)
}

fn run_main(vm: &mut Vm, coro: Value) -> PyResult<Value> {
    let main = create_task(vm, coro, None)?;
    while !is_done(vm, &main) {
        run_once(vm)?;
        if with_loop(|l| std::mem::take(&mut l.cancel_main)).unwrap_or(false) {
            if let Some(f) = as_future(&main) {
                future::cancel(vm, &main, f, Value::None);
            }
        }
    }
    // Cancel the tasks still pending and let them finish, as asyncio.run does.
    let gil = vm.gil();
    let left: Vec<Value> = with_loop(|l| {
        l.tasks
            .iter()
            .filter(|t| as_future(t).is_some_and(|f| f.st.borrow(gil).status == Status::Pending))
            .cloned()
            .collect()
    })
    .unwrap_or_default();
    for t in &left {
        if let Some(f) = as_future(t) {
            future::cancel(vm, t, f, Value::None);
        }
    }
    let mut rounds = 0;
    while left.iter().any(|t| !is_done(vm, t)) && rounds < 100_000 {
        if run_once(vm).is_err() {
            break;
        }
        rounds += 1;
    }
    // As `loop.shutdown_default_executor()`: wait for the worker threads of `to_thread` and
    // `run_in_executor` to end (their results go to futures nobody awaits any more).
    while threadsafe().is_some_and(|ts| ts.pending() > 0) {
        if run_once(vm).is_err() {
            break;
        }
    }
    let interrupted = with_loop(|l| l.interrupts > 0).unwrap_or(false);
    match as_future(&main) {
        Some(f) => {
            let cancelled = f.st.borrow(vm.gil()).status == Status::Cancelled;
            match future::result(vm, f) {
                // Cancelled by Ctrl-C: KeyboardInterrupt, raised while handling the
                // CancelledError (as `asyncio.Runner.run` does).
                Err(e) if interrupted && cancelled => {
                    let ki = vm.keyboard_interrupt();
                    if let Some(st) = ki.0.exc.as_ref() {
                        st.borrow_mut(vm.gil()).context = Some(e.value());
                    }
                    Err(ki)
                }
                r => r,
            }
        }
        None => Ok(Value::None),
    }
}
