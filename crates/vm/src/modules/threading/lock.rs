//! `_thread.lock`: the one native blocking primitive. `threading.Lock` is this; RLock,
//! Condition, Semaphore, Event, Barrier and the queues are Python code on top of it (as in
//! CPython), so every wait on them is an acquire here: with the GIL released, recorded in the
//! thread registry (deadlock detection).

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::wait::{wait_blocking, WaitKind};
use crate::builtins::to_f64;
use crate::interp::vm::Vm;
use crate::object::args::{Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::{NativeObject, Value};
use crate::runtime::interrupt::Stop;

/// The lock's state lives outside the GIL: a thread waiting for it has let the GIL go.
#[derive(Debug, Default)]
pub struct LockInner {
    locked: Mutex<bool>,
    freed: Condvar,
}

impl LockInner {
    fn try_acquire(&self) -> bool {
        let mut locked = self.locked.lock();
        !std::mem::replace(&mut *locked, true)
    }

    /// Wait once (GIL released) for the lock to be free and take it; false if `deadline`
    /// passed, `stop` asked (Ctrl-C) or the wait woke without getting it.
    fn wait_acquire(&self, deadline: Option<Instant>, stop: &Stop) -> bool {
        let mut locked = self.locked.lock();
        if *locked && !stop.requested() {
            match deadline {
                Some(d) => {
                    self.freed.wait_until(&mut locked, d);
                }
                None => self.freed.wait(&mut locked),
            }
        }
        !std::mem::replace(&mut *locked, true)
    }

    /// Wake the waiters (a Ctrl-C for the main thread: they look at their `Stop`).
    fn wake(&self) {
        let _locked = self.locked.lock();
        self.freed.notify_all();
    }
}

#[derive(Debug, Default)]
pub struct Lock {
    pub inner: Arc<LockInner>,
}

impl NativeObject for Lock {
    fn type_name(&self) -> &'static str {
        "_thread.lock"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_lock() -> Value {
    Value::Native(Arc::new(Box::new(Lock::default())))
}

fn this<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<&'a Lock> {
    match v {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<Lock>()
            .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object")),
        _ => Err(vm.type_error("descriptor requires a '_thread.lock' object")),
    }
}

/// The identity of a lock for the registry.
fn key(l: &Lock) -> usize {
    Arc::as_ptr(&l.inner) as usize
}

/// A timeout in seconds as a deadline; `None` waits forever. `-1` means forever, as in
/// CPython; other negative values are an error.
pub fn deadline(vm: &Vm, timeout: f64) -> PyResult<Option<Instant>> {
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout.is_nan() || timeout < 0.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    let d = Duration::try_from_secs_f64(timeout)
        .map_err(|_| vm.overflow_error("timeout value is too large"))?;
    Ok(Some(Instant::now() + d))
}

/// `lock.acquire(blocking=True, timeout=-1)`
pub fn acquire(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "acquire",
        names: &["self", "blocking", "timeout"],
        positional: 3,
        positional_only: 1,
        required: 1,
    };
    let b = P.bind(vm, a, kw)?;
    let lock = this(vm, b[0].as_ref())?;
    let blocking = match &b[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match &b[2] {
        Some(v) => to_f64(vm, v)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    let deadline = deadline(vm, timeout)?;
    if lock.inner.try_acquire() {
        return Ok(Value::Bool(true));
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let inner = lock.inner.clone();
    let key = key(lock);
    loop {
        let i = inner.clone();
        let w = inner.clone();
        let got = wait_blocking(
            vm,
            key,
            WaitKind::Lock,
            deadline.is_some(),
            move || w.wake(),
            move |stop| i.wait_acquire(deadline, stop),
        )?;
        if got {
            return Ok(Value::Bool(true));
        }
        // Ctrl-C on the main thread: KeyboardInterrupt, the lock not taken.
        vm.check_interrupt()?;
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Value::Bool(false));
        }
        // Woken but another thread took the lock first: record the wait again.
        if inner.try_acquire() {
            return Ok(Value::Bool(true));
        }
    }
}

/// `lock.release()`
pub fn release(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    crate::object::args::no_kwargs(vm, "release", kw)?;
    let lock = this(vm, a.first())?;
    {
        let mut locked = lock.inner.locked.lock();
        if !*locked {
            return Err(vm.runtime_error("release unlocked lock"));
        }
        *locked = false;
    }
    lock.inner.freed.notify_one();
    vm.interp.threads.wake(key(lock));
    Ok(Value::None)
}

/// `lock.locked()`
pub fn locked(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    crate::object::args::no_kwargs(vm, "locked", kw)?;
    let lock = this(vm, a.first())?;
    let l = *lock.inner.locked.lock();
    Ok(Value::Bool(l))
}

/// `lock.__exit__(*exc)`
pub fn exit(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    release(vm, &a[..a.len().min(1)], &[])
}

/// `repr(lock)`
pub fn repr(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let lock = this(vm, a.first())?;
    let state = if *lock.inner.locked.lock() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(Value::str(format!(
        "<{state} _thread.lock object at {:#x}>",
        key(lock)
    )))
}
