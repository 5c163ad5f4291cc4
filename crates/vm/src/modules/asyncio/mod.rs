//! asyncio: a single-threaded event loop driving coroutines.
//!
//! The core is native (`_asyncio`): the loop with its ready queue, timer heap and poll(2) wait
//! on descriptors ([`event_loop`]), `Future` and `Task` ([`future`]), `sleep`, `run`,
//! `create_task`. The rest is Python code ported from CPython 3.11, compiled when `asyncio` is
//! first imported: `asyncio.py` (`gather`, `wait_for`, `Queue`, `Event`, `Lock`, `Condition`,
//! `Semaphore`, the exception classes, `to_thread`, the loop object with its `add_reader` /
//! `sock_*` methods), `streams.py` (`open_connection`, `start_server`), `taskgroups.py`
//! (`timeout`, `TaskGroup`) and `processes.py` (`create_subprocess_exec`/`_shell`). Other
//! threads reach a loop through [`threadsafe`].

pub mod event_loop;
pub mod future;
pub mod threadsafe;

use std::sync::Arc;

use crate::interp::generator::GenStep;
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{Class, Module, NativeObject, PyStr, Value};

use future::{as_future, Status};

pub use event_loop::on_interrupt;

/// The source of the Python part of the module: `asyncio.py`, then the streams
/// (`open_connection`, `start_server`, `StreamReader`, `StreamWriter`) of `streams.py`, then
/// `timeout`, `timeout_at` and `TaskGroup` of `taskgroups.py`, then the subprocesses
/// (`create_subprocess_exec`, `create_subprocess_shell`, `Process`) of `processes.py`.
const SOURCE: &str = concat!(
    include_str!("asyncio.py"),
    include_str!("streams.py"),
    include_str!("taskgroups.py"),
    include_str!("processes.py")
);

/// What `asyncio.sleep(delay, result)` returns: a small awaitable that, when first stepped,
/// schedules a timer for a fresh future and yields it (or, for a delay <= 0, yields once).
#[derive(Debug)]
pub struct Sleep {
    delay: f64,
    result: Value,
    state: GilCell<SleepState>,
}

#[derive(Debug)]
enum SleepState {
    New,
    YieldedOnce,
    Waiting(Value),
    Finished,
}

impl NativeObject for Sleep {
    fn type_name(&self) -> &'static str {
        "_asyncio.sleep"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn as_sleep(v: &Value) -> Option<&Sleep> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Sleep>(),
        _ => None,
    }
}

/// Can `v` be awaited directly (it is its own await iterator)?
pub fn is_native_awaitable(v: &Value) -> bool {
    as_future(v).is_some() || as_sleep(v).is_some()
}

/// Send a value into a native awaitable (a future or a sleep); `None` if `it` is not one.
pub fn native_send(vm: &mut Vm, it: &Value, _v: &Value) -> Option<PyResult<GenStep>> {
    if let Some(f) = as_future(it) {
        let pending = f.st.borrow(vm.gil()).status == Status::Pending;
        if pending {
            return Some(Ok(GenStep::Yielded(it.clone())));
        }
        return Some(future::result(vm, f).map(GenStep::Returned));
    }
    let s = as_sleep(it)?;
    let gil = vm.gil();
    let state = std::mem::replace(&mut *s.state.borrow_mut(gil), SleepState::Finished);
    let r = match state {
        SleepState::New if s.delay <= 0.0 || s.delay.is_nan() => {
            *s.state.borrow_mut(gil) = SleepState::YieldedOnce;
            Ok(GenStep::Yielded(Value::None))
        }
        SleepState::New => {
            if !event_loop::is_running() {
                return Some(Err(vm.runtime_error("no running event loop")));
            }
            let fut = future::new_future();
            event_loop::call_later(
                s.delay,
                event_loop::Cb::SetResult(fut.clone(), s.result.clone()),
            );
            *s.state.borrow_mut(gil) = SleepState::Waiting(fut.clone());
            Ok(GenStep::Yielded(fut))
        }
        SleepState::YieldedOnce => Ok(GenStep::Returned(s.result.clone())),
        SleepState::Waiting(fut) => match as_future(&fut) {
            Some(f) if f.st.borrow(gil).status == Status::Pending => {
                *s.state.borrow_mut(gil) = SleepState::Waiting(fut.clone());
                Ok(GenStep::Yielded(fut.clone()))
            }
            Some(f) => future::result(vm, f).map(GenStep::Returned),
            None => Ok(GenStep::Returned(Value::None)),
        },
        SleepState::Finished => Err(vm.runtime_error("cannot reuse already awaited coroutine")),
    };
    Some(r)
}

/// Throw into a native awaitable: the error is raised at the `await`.
pub fn native_throw(vm: &mut Vm, it: &Value, e: &PyErr) -> Option<PyResult<GenStep>> {
    if as_future(it).is_some() {
        return Some(Err(e.clone()));
    }
    let s = as_sleep(it)?;
    *s.state.borrow_mut(vm.gil()) = SleepState::Finished;
    Some(Err(e.clone()))
}

/// A class defined by the Python part of the module (`CancelledError`, ...).
pub fn module_class(vm: &Vm, name: &str) -> Option<Arc<Class>> {
    let gil = vm.gil();
    let m = vm.interp.module(gil, "asyncio")?;
    let g = m.globals.borrow(gil);
    match crate::protocol::hash::dict_get_str(&g, name) {
        Some(Value::Class(c)) => Some(c.clone()),
        _ => None,
    }
}

type Kw<'a> = &'a [(Arc<PyStr>, Value)];

fn kwarg(kw: Kw, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, v)| v.clone())
}

fn f_run(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let coro = a.first().cloned().unwrap_or(Value::None);
    event_loop::run(vm, coro)
}

fn f_sleep(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let delay = match a.first().cloned().or_else(|| kwarg(kw, "delay")) {
        Some(v) => crate::builtins::to_f64(vm, &v)?,
        None => {
            return Err(vm.type_error("sleep() missing 1 required positional argument: 'delay'"))
        }
    };
    let result = a
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "result"))
        .unwrap_or(Value::None);
    Ok(crate::object::class::native(Sleep {
        delay,
        result,
        state: GilCell::new(SleepState::New),
    }))
}

fn f_create_task(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let coro = a.first().cloned().unwrap_or(Value::None);
    let name = a.get(1).cloned().or_else(|| kwarg(kw, "name"));
    event_loop::create_task(vm, coro, name)
}

fn f_ensure_future(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = a.first().cloned().unwrap_or(Value::None);
    if as_future(&v).is_some() {
        return Ok(v);
    }
    if event_loop::is_coroutine(&v) {
        return event_loop::create_task(vm, v, None);
    }
    if crate::interp::async_gen::is_awaitable(&v) {
        return event_loop::spawn_task(vm, v, None);
    }
    if let Value::Instance(_) = v {
        if vm.get_attr_opt(&v, "__await__")?.is_some() {
            let it = vm.get_awaitable(v)?;
            if event_loop::is_coroutine(&it) {
                return event_loop::create_task(vm, it, None);
            }
        }
    }
    Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"))
}

fn f_current_task(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    if !event_loop::is_running() {
        return Err(vm.runtime_error("no running event loop"));
    }
    Ok(event_loop::current_task())
}

fn f_create_future(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    if !event_loop::is_running() {
        return Err(vm.runtime_error("no running event loop"));
    }
    Ok(future::new_future())
}

fn f_call_soon(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let Some((f, rest)) = a.split_first() else {
        return Err(vm.type_error("call_soon() missing the callback"));
    };
    event_loop::call_py(vm, None, f.clone(), rest.to_vec())
}

fn f_call_later(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if a.len() < 2 {
        return Err(vm.type_error("call_later() needs a delay and a callback"));
    }
    let d = crate::builtins::to_f64(vm, &a[0])?;
    event_loop::call_py(vm, Some(d), a[1].clone(), a[2..].to_vec())
}

fn f_cancel_handle(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if let Some(h) = a.first() {
        event_loop::cancel_handle(vm, h);
    }
    Ok(Value::None)
}

fn f_time(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Float(event_loop::time()))
}

fn f_running(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(event_loop::is_running()))
}

fn f_iscoroutine(_: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(a.first().is_some_and(event_loop::is_coroutine)))
}

/// `_loop_handle()`: the running loop's door for other threads (a `LoopHandle`).
fn f_loop_handle(vm: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    match event_loop::threadsafe() {
        Some(ts) => Ok(crate::object::class::native(threadsafe::LoopHandle(ts))),
        None => Err(vm.runtime_error("no running event loop")),
    }
}

/// `_get_loop()`: the running loop's Python object, or None if not made yet.
fn f_get_loop(_: &mut Vm, _: &[Value], _: Kw) -> PyResult<Value> {
    Ok(event_loop::py_loop().unwrap_or(Value::None))
}

/// `_set_loop(loop)`
fn f_set_loop(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    if !event_loop::is_running() {
        return Err(vm.runtime_error("no running event loop"));
    }
    event_loop::set_py_loop(a.first().cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

fn handle_arg(vm: &Vm, a: &[Value]) -> PyResult<Arc<threadsafe::Threadsafe>> {
    a.first()
        .and_then(threadsafe::as_handle)
        .cloned()
        .ok_or_else(|| vm.type_error("expected an event loop handle"))
}

/// `_call_soon_threadsafe(handle, callback, *args)`
fn f_call_soon_threadsafe(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let ts = handle_arg(vm, a)?;
    let Some(f) = a.get(1) else {
        return Err(vm.type_error("call_soon_threadsafe() missing the callback"));
    };
    event_loop::call_soon_threadsafe(vm, &ts, f.clone(), a[2..].to_vec())
}

/// `_begin_threadsafe(handle)`: a worker thread is about to start.
fn f_begin_threadsafe(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    handle_arg(vm, a)?.begin();
    Ok(Value::None)
}

/// `_finish_threadsafe(handle, callback=None, *args)`: a worker thread is done; hand
/// `callback(*args)` to the loop in the same step.
fn f_finish_threadsafe(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let ts = handle_arg(vm, a)?;
    let cb = match a.get(1) {
        None | Some(Value::None) => None,
        Some(f) => Some((f.clone(), a[2..].to_vec(), None)),
    };
    ts.finish(cb);
    Ok(Value::None)
}

fn watch_fd(vm: &mut Vm, a: &[Value], what: &str) -> PyResult<i32> {
    let Some(v) = a.first() else {
        return Err(vm.type_error(format!("{what}() missing the file descriptor")));
    };
    let n = crate::protocol::coerce::to_index(vm, v)?;
    i32::try_from(n).map_err(|_| vm.value_error(format!("Invalid file descriptor: {n}")))
}

fn add_watch(vm: &mut Vm, a: &[Value], write: bool) -> PyResult<Value> {
    let what = if write { "add_writer" } else { "add_reader" };
    let fd = watch_fd(vm, a, what)?;
    let Some(f) = a.get(1) else {
        return Err(vm.type_error(format!("{what}() missing the callback")));
    };
    event_loop::add_watch(vm, fd, write, f.clone(), a[2..].to_vec())
}

/// `_add_reader(fd, callback, *args)` -> handle
fn f_add_reader(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    add_watch(vm, a, false)
}

/// `_add_writer(fd, callback, *args)` -> handle
fn f_add_writer(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    add_watch(vm, a, true)
}

/// `_remove_reader(fd)` -> bool
fn f_remove_reader(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let fd = watch_fd(vm, a, "remove_reader")?;
    Ok(Value::Bool(event_loop::remove_watch(vm, fd, false)))
}

/// `_remove_writer(fd)` -> bool
fn f_remove_writer(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let fd = watch_fd(vm, a, "remove_writer")?;
    Ok(Value::Bool(event_loop::remove_watch(vm, fd, true)))
}

/// The native core, `_asyncio`.
pub fn make_core(vm: &mut Vm) -> Arc<Module> {
    let m = super::new_module(vm, "_asyncio");
    let (fut, task) = future::install(vm);
    super::set(vm, &m, "Future", fut);
    super::set(vm, &m, "Task", task);
    super::add_fns(
        vm,
        &m,
        &[
            ("run", f_run),
            ("sleep", f_sleep),
            ("create_task", f_create_task),
            ("ensure_future", f_ensure_future),
            ("current_task", f_current_task),
            ("iscoroutine", f_iscoroutine),
            ("_create_future", f_create_future),
            ("_call_soon", f_call_soon),
            ("_call_later", f_call_later),
            ("_cancel_handle", f_cancel_handle),
            ("_time", f_time),
            ("_running", f_running),
            ("_loop_handle", f_loop_handle),
            ("_get_loop", f_get_loop),
            ("_set_loop", f_set_loop),
            ("_call_soon_threadsafe", f_call_soon_threadsafe),
            ("_begin_threadsafe", f_begin_threadsafe),
            ("_finish_threadsafe", f_finish_threadsafe),
            ("_add_reader", f_add_reader),
            ("_add_writer", f_add_writer),
            ("_remove_reader", f_remove_reader),
            ("_remove_writer", f_remove_writer),
        ],
    );
    m
}

/// `import asyncio`: the native core plus the Python part.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    vm.import("_asyncio")?;
    let code = gilvm_compiler::compile_source(SOURCE, "asyncio.py").map_err(|e| {
        vm.runtime_error(format!("gilvm: asyncio.py does not compile: {}", e.message))
    })?;
    vm.run_module(code, "asyncio", SOURCE.into())
}
