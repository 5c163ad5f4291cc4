//! Starting OS threads: `_thread.start(bootstrap, name, daemon)` runs `bootstrap()` on a new
//! OS thread with its own [`Vm`] (value stack, frames, GIL handle) sharing the interpreter,
//! and returns a handle to join it. An exception escaping `bootstrap` is printed as CPython's
//! `threading.excepthook` prints it ("Exception in thread NAME:" and the traceback).

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

use super::lock::deadline;
use super::registry::SHUTDOWN_KEY;
use super::wait::{deadlock_exit, wait_blocking, WaitKind};
use crate::builtins::to_f64;
use crate::interp::vm::{Interp, Vm};
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{NativeObject, Value};
use crate::runtime::interrupt::Stop;

/// Stack of each interpreter thread: Python calls do not recurse in Rust, and native recursion
/// is bounded by the recursion limit, so this is generous.
pub const THREAD_STACK: usize = 64 << 20;

/// The state a joiner waits on, outside the GIL.
#[derive(Debug, Default)]
pub struct HandleInner {
    done: Mutex<bool>,
    finished: Condvar,
}

impl HandleInner {
    /// Wait for the thread's end (or `deadline`, or `stop`: a Ctrl-C); true if it ended.
    fn wait(&self, deadline: Option<Instant>, stop: &Stop) -> bool {
        let mut done = self.done.lock();
        while !*done && !stop.requested() {
            match deadline {
                Some(d) => {
                    if self.finished.wait_until(&mut done, d).timed_out() {
                        break;
                    }
                }
                None => self.finished.wait(&mut done),
            }
        }
        *done
    }

    fn wake(&self) {
        let _done = self.done.lock();
        self.finished.notify_all();
    }
}

/// `_thread._Handle`: what `start` returns.
#[derive(Debug)]
pub struct Handle {
    pub ident: u64,
    pub inner: Arc<HandleInner>,
}

impl NativeObject for Handle {
    fn type_name(&self) -> &'static str {
        "_thread._Handle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn this<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a Handle> {
    match v {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<Handle>()
            .ok_or_else(|| vm.type_error("expected a thread handle")),
        _ => Err(vm.type_error("expected a thread handle")),
    }
}

/// `_thread.start(thread, active)`: start `thread._bootstrap()` on a new OS thread named
/// `thread._name` (daemon if `thread._daemonic`). Before the new thread can run, and without
/// letting the GIL go, sets `thread._ident` and `thread._handle` and enters the thread in the
/// `active` dict (`threading._active`), so no switch can come between them.
pub fn start(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "start", a, kw, 2, 2)?;
    let thread = a[0].clone();
    let bootstrap = vm.get_attr(&thread, "_bootstrap")?;
    let name_value = vm.get_attr(&thread, "_name")?;
    let name = vm.to_str(&name_value)?;
    let daemon_value = vm.get_attr(&thread, "_daemonic")?;
    let daemon = vm.truthy(&daemon_value)?;
    let thread_gil = vm.interp.gil.register(name.clone());
    let ident = thread_gil.id();
    let inner = Arc::new(HandleInner::default());
    let handle = Value::Native(Arc::new(Box::new(Handle {
        ident,
        inner: inner.clone(),
    })));
    vm.set_attr(&thread, "_ident", Value::Int(ident as i64))?;
    vm.set_attr(&thread, "_handle", handle.clone())?;
    vm.set_item(&a[1], &Value::Int(ident as i64), thread)?;
    vm.interp.threads.add(ident, &name, daemon);
    let interp = vm.interp.clone();
    let thread_name = name.clone();
    if !daemon {
        vm.interp.threads.os_thread_started();
    }
    let spawned = std::thread::Builder::new()
        .name(format!("gilvm: {name}"))
        .stack_size(THREAD_STACK)
        .spawn(move || {
            // Native re-entry raises RecursionError past 3/4 of this stack (stack_guard.rs).
            crate::runtime::stack_guard::set_stack_budget(THREAD_STACK / 4 * 3);
            let mut vm = Vm::new_thread(interp.clone(), thread_gil);
            run_thread(&mut vm, bootstrap, &thread_name, &inner);
            drop(vm);
            if !daemon {
                interp.threads.os_thread_ended();
            }
        });
    if let Err(e) = spawned {
        vm.interp.threads.remove(ident, 0);
        if !daemon {
            vm.interp.threads.os_thread_ended();
        }
        return Err(vm.runtime_error(format!("can't start new thread: {e}")));
    }
    Ok(handle)
}

/// The body of a new thread (GIL held): run `bootstrap`, report an uncaught exception, then
/// mark the thread done for its joiners.
fn run_thread(vm: &mut Vm, bootstrap: Value, name: &str, handle: &Arc<HandleInner>) {
    if let Err(err) = vm.call(&bootstrap, &[]) {
        let system_exit = vm.types().system_exit.clone();
        // The instruction limit ends the program; the main thread reports it.
        if !vm.err_is(&err, &system_exit) && !vm.is_limit_error(&err) {
            let text = vm.format_exception(&err);
            vm.interp.flush_stdout();
            let mut e = std::io::stderr().lock();
            // The traceback's text ends with its own newline; CPython adds no blank line.
            let nl = if text.ends_with('\n') { "" } else { "\n" };
            let _ = write!(e, "Exception in thread {name}:\n{text}{nl}");
        }
    }
    drop(bootstrap);
    *handle.done.lock() = true;
    handle.finished.notify_all();
    let ident = vm.thread_gil().id();
    let key = Arc::as_ptr(handle) as usize;
    if let Some(report) = vm.interp.threads.remove(ident, key) {
        deadlock_exit(vm, &report);
    }
}

/// CPython's `threading._shutdown` first runs the `threading._register_atexit` callbacks
/// (concurrent.futures wakes its idle workers so they end), then joins the threads. Only if
/// `threading` was imported; a callback's error other than KeyboardInterrupt is ignored.
fn run_threading_atexits(vm: &mut Vm) -> PyResult<()> {
    let gil = vm.gil();
    let Some(module) = vm.interp.module_value(gil, "threading") else {
        return Ok(());
    };
    let Ok(Some(run)) = vm.get_attr_opt(&module, "_run_atexits") else {
        return Ok(());
    };
    match vm.call(&run, &[]) {
        Err(e) if vm.err_is(&e, &vm.types().keyboard_interrupt.clone()) => Err(e),
        _ => Ok(()),
    }
}

/// `handle.join(timeout=None)`: True once the thread has ended.
pub fn join(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "join", a, kw, 1, 2)?;
    let h = this(vm, a.first())?;
    let inner = h.inner.clone();
    if *inner.done.lock() {
        return Ok(Value::Bool(true));
    }
    let deadline = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = to_f64(vm, v)?;
            deadline(vm, t.max(0.0))?
        }
    };
    let key = Arc::as_ptr(&inner) as usize;
    let waker = inner.clone();
    let done = wait_blocking(
        vm,
        key,
        WaitKind::Join,
        deadline.is_some(),
        move || waker.wake(),
        move |stop| inner.wait(deadline, stop),
    )?;
    if !done {
        vm.check_interrupt()?;
    }
    Ok(Value::Bool(done))
}

/// `handle.is_done()`
pub fn is_done(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "is_done", a, kw, 1, 1)?;
    let h = this(vm, a.first())?;
    let done = *h.inner.done.lock();
    Ok(Value::Bool(done))
}

/// `handle.ident()`
pub fn ident(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "ident", a, kw, 1, 1)?;
    let h = this(vm, a.first())?;
    Ok(Value::Int(h.ident as i64))
}

/// At the end of the main script (CPython's `threading._shutdown`): wait (GIL released) until
/// every non-daemon thread has ended. Daemon threads are abandoned. On the main thread a Ctrl-C
/// ends the wait: the error is `KeyboardInterrupt` and the remaining threads are abandoned too.
pub fn wait_for_threads(vm: &mut Vm) -> PyResult<()> {
    run_threading_atexits(vm)?;
    let interp: Arc<Interp> = vm.interp.clone();
    while interp.threads.non_daemon() > 0 {
        let i = interp.clone();
        let w = interp.clone();
        wait_blocking(
            vm,
            SHUTDOWN_KEY,
            WaitKind::Shutdown,
            false,
            move || w.threads.wake_all_done(),
            move |stop| i.threads.wait_all_done(stop),
        )?;
        vm.check_interrupt()?;
    }
    let i = interp.clone();
    vm.allow_threads(move || i.threads.wait_os_threads());
    Ok(())
}
