//! `asyncio.Future` and `asyncio.Task`: one compact native struct (a task is a future with a
//! coroutine to drive). Completing a future schedules its done callbacks on the event loop, as
//! CPython does (`call_soon` for each), so the order in which tasks wake up is CPython's.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::GilCell;
use crate::object::value::{NativeObject, Value};

use super::event_loop::{call_soon, Cb};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Pending,
    Done,
    Cancelled,
}

/// What to do when a future completes.
#[derive(Debug)]
pub enum DoneCb {
    /// Wake the task that awaits the future (`Task.__wakeup`).
    Wake(Value),
    /// A Python callable, called with the future.
    Py(Value),
}

#[derive(Debug)]
pub struct FutState {
    pub status: Status,
    pub result: Value,
    pub exc: Option<PyErr>,
    pub callbacks: Vec<DoneCb>,
    /// `cancel(msg)`'s message.
    pub cancel_msg: Value,
    /// Children of a `gather` future: cancelling the outer future cancels them instead.
    pub children: Option<Vec<Value>>,
    pub cancel_requested: bool,
    /// A task's exception nobody has retrieved yet (CPython's `__log_traceback`): reported
    /// as "Task exception was never retrieved" when the task is dropped.
    pub log_tb: bool,
}

#[derive(Debug)]
pub struct TaskState {
    /// The future the task is blocked on.
    pub fut_waiter: Option<Value>,
    pub must_cancel: bool,
    pub name: Value,
    /// `cancel()` calls not yet undone by `uncancel()` (`Task.cancelling()`, 3.11).
    pub cancels: u32,
}

#[derive(Debug)]
pub struct TaskPart {
    pub coro: Value,
    pub st: GilCell<TaskState>,
}

#[derive(Debug)]
pub struct Future {
    pub st: GilCell<FutState>,
    pub task: Option<TaskPart>,
}

impl NativeObject for Future {
    fn type_name(&self) -> &'static str {
        if self.task.is_some() {
            "_asyncio.Task"
        } else {
            "_asyncio.Future"
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_future() -> Value {
    crate::object::class::native(Future {
        st: GilCell::new(FutState {
            status: Status::Pending,
            result: Value::None,
            exc: None,
            callbacks: Vec::new(),
            cancel_msg: Value::None,
            children: None,
            cancel_requested: false,
            log_tb: false,
        }),
        task: None,
    })
}

pub fn new_task(coro: Value, name: Value) -> Value {
    crate::object::class::native(Future {
        st: GilCell::new(FutState {
            status: Status::Pending,
            result: Value::None,
            exc: None,
            callbacks: Vec::new(),
            cancel_msg: Value::None,
            children: None,
            cancel_requested: false,
            log_tb: false,
        }),
        task: Some(TaskPart {
            coro,
            st: GilCell::new(TaskState {
                fut_waiter: None,
                must_cancel: false,
                name,
                cancels: 0,
            }),
        }),
    })
}

pub fn as_future(v: &Value) -> Option<&Future> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Future>(),
        _ => None,
    }
}

/// `asyncio.CancelledError` (defined by the Python part of the module).
pub fn cancelled_error(vm: &mut Vm, msg: &Value) -> PyErr {
    let class = super::module_class(vm, "CancelledError")
        .unwrap_or_else(|| vm.types().base_exception.clone());
    if msg.is_none() {
        vm.new_error_args(&class, Vec::new())
    } else {
        vm.new_error_args(&class, vec![msg.clone()])
    }
}

fn invalid_state(vm: &mut Vm, msg: &str) -> PyErr {
    let class = super::module_class(vm, "InvalidStateError")
        .unwrap_or_else(|| vm.types().runtime_error.clone());
    vm.new_error(&class, msg)
}

/// Move the done callbacks of a completed future to the ready queue.
fn schedule_callbacks(vm: &mut Vm, fut_v: &Value, fut: &Future) {
    let cbs = std::mem::take(&mut fut.st.borrow_mut(vm.gil()).callbacks);
    for cb in cbs {
        match cb {
            DoneCb::Wake(task) => call_soon(Cb::Wakeup(task, fut_v.clone())),
            DoneCb::Py(f) => call_soon(Cb::Py(f, vec![fut_v.clone()], None)),
        }
    }
}

pub fn set_result(vm: &mut Vm, fut_v: &Value, fut: &Future, v: Value) -> PyResult<()> {
    {
        let mut st = fut.st.borrow_mut(vm.gil());
        if st.status != Status::Pending {
            drop(st);
            return Err(invalid_state(vm, "invalid state"));
        }
        st.status = Status::Done;
        st.result = v;
    }
    schedule_callbacks(vm, fut_v, fut);
    Ok(())
}

pub fn set_exception(vm: &mut Vm, fut_v: &Value, fut: &Future, e: PyErr) -> PyResult<()> {
    {
        let mut st = fut.st.borrow_mut(vm.gil());
        if st.status != Status::Pending {
            drop(st);
            return Err(invalid_state(vm, "invalid state"));
        }
        st.status = Status::Done;
        st.exc = Some(e);
        st.log_tb = fut.task.is_some();
    }
    schedule_callbacks(vm, fut_v, fut);
    Ok(())
}

/// Mark a pending future cancelled (`Future.cancel`); false if it was already done.
pub fn cancel_plain(vm: &mut Vm, fut_v: &Value, fut: &Future, msg: Value) -> bool {
    {
        let mut st = fut.st.borrow_mut(vm.gil());
        if st.status != Status::Pending {
            return false;
        }
        st.status = Status::Cancelled;
        st.cancel_msg = msg;
    }
    schedule_callbacks(vm, fut_v, fut);
    true
}

/// `fut.cancel(msg)` for futures, gather futures and tasks.
pub fn cancel(vm: &mut Vm, fut_v: &Value, fut: &Future, msg: Value) -> bool {
    let gil = vm.gil();
    if fut.st.borrow(gil).status != Status::Pending {
        return false;
    }
    if let Some(t) = &fut.task {
        t.st.borrow_mut(gil).cancels += 1;
        let waiter = t.st.borrow(gil).fut_waiter.clone();
        if let Some(w) = waiter {
            if let Some(wf) = as_future(&w) {
                if cancel(vm, &w, wf, msg.clone()) {
                    return true;
                }
            }
        }
        let mut ts = t.st.borrow_mut(gil);
        ts.must_cancel = true;
        drop(ts);
        fut.st.borrow_mut(gil).cancel_msg = msg;
        return true;
    }
    let children = fut.st.borrow(gil).children.clone();
    if let Some(children) = children {
        let mut ret = false;
        for c in &children {
            if let Some(cf) = as_future(c) {
                if cancel(vm, c, cf, msg.clone()) {
                    ret = true;
                }
            }
        }
        if ret {
            fut.st.borrow_mut(gil).cancel_requested = true;
        }
        return ret;
    }
    cancel_plain(vm, fut_v, fut, msg)
}

/// `fut.result()`.
pub fn result(vm: &mut Vm, fut: &Future) -> PyResult<Value> {
    fut.st.borrow_mut(vm.gil()).log_tb = false;
    let st = fut.st.borrow(vm.gil());
    match st.status {
        Status::Cancelled => {
            let msg = st.cancel_msg.clone();
            drop(st);
            Err(cancelled_error(vm, &msg))
        }
        Status::Pending => {
            drop(st);
            Err(invalid_state(vm, "Result is not set."))
        }
        Status::Done => match &st.exc {
            Some(e) => Err(e.clone()),
            None => Ok(st.result.clone()),
        },
    }
}

type Kw<'a> = &'a [(Arc<crate::object::value::PyStr>, Value)];

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Future> {
    args.first()
        .and_then(as_future)
        .ok_or_else(|| vm.type_error("descriptor requires a Future object"))
}

fn kwarg(kw: Kw, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, v)| v.clone())
}

fn m_done(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(Value::Bool(f.st.borrow(vm.gil()).status != Status::Pending))
}

fn m_cancelled(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(Value::Bool(
        f.st.borrow(vm.gil()).status == Status::Cancelled,
    ))
}

fn m_result(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    result(vm, f)
}

fn m_exception(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    f.st.borrow_mut(vm.gil()).log_tb = false;
    let st = f.st.borrow(vm.gil());
    match st.status {
        Status::Cancelled => {
            let msg = st.cancel_msg.clone();
            drop(st);
            Err(cancelled_error(vm, &msg))
        }
        Status::Pending => {
            drop(st);
            Err(invalid_state(vm, "Exception is not set."))
        }
        Status::Done => Ok(st.exc.as_ref().map_or(Value::None, |e| e.value())),
    }
}

fn m_cancel(vm: &mut Vm, a: &[Value], kw: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let msg = a
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "msg"))
        .unwrap_or(Value::None);
    Ok(Value::Bool(cancel(vm, &a[0], f, msg)))
}

fn m_set_result(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    if f.task.is_some() {
        return Err(vm.runtime_error("Task does not support set_result operation"));
    }
    set_result(vm, &a[0], f, a.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn m_set_exception(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    if f.task.is_some() {
        return Err(vm.runtime_error("Task does not support set_exception operation"));
    }
    let e = a.get(1).cloned().unwrap_or(Value::None);
    let err = crate::interp::generator::make_throw_error(vm, &e, None)?;
    set_exception(vm, &a[0], f, err)?;
    Ok(Value::None)
}

fn m_add_done_callback(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let cb = a.get(1).cloned().unwrap_or(Value::None);
    let mut st = f.st.borrow_mut(vm.gil());
    if st.status == Status::Pending {
        st.callbacks.push(DoneCb::Py(cb));
    } else {
        drop(st);
        call_soon(Cb::Py(cb, vec![a[0].clone()], None));
    }
    Ok(Value::None)
}

fn m_remove_done_callback(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let cb = a.get(1).cloned().unwrap_or(Value::None);
    let mut st = f.st.borrow_mut(vm.gil());
    let before = st.callbacks.len();
    st.callbacks
        .retain(|c| !matches!(c, DoneCb::Py(p) if p.is(&cb)));
    Ok(Value::Int((before - st.callbacks.len()) as i64))
}

fn m_get_name(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    match &f.task {
        Some(t) => Ok(t.st.borrow(vm.gil()).name.clone()),
        None => Err(vm.attribute_error("'Future' object has no attribute 'get_name'")),
    }
}

fn m_set_name(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let name = a.get(1).cloned().unwrap_or(Value::None);
    let name = Value::str(vm.to_str(&name)?);
    if let Some(t) = &f.task {
        t.st.borrow_mut(vm.gil()).name = name;
    }
    Ok(Value::None)
}

fn m_cancelling(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(Value::Int(
        f.task.as_ref().map_or(0, |t| t.st.borrow(vm.gil()).cancels) as i64,
    ))
}

fn m_uncancel(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let n = match &f.task {
        Some(t) => {
            let mut st = t.st.borrow_mut(vm.gil());
            st.cancels = st.cancels.saturating_sub(1);
            st.cancels
        }
        None => 0,
    };
    Ok(Value::Int(n as i64))
}

fn m_get_coro(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(f.task.as_ref().map_or(Value::None, |t| t.coro.clone()))
}

fn m_set_children(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let items = match a.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    f.st.borrow_mut(vm.gil()).children = Some(items);
    Ok(Value::None)
}

fn m_cancel_requested(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(Value::Bool(f.st.borrow(vm.gil()).cancel_requested))
}

fn m_cancel_message(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    Ok(f.st.borrow(vm.gil()).cancel_msg.clone())
}

fn m_await(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    this(vm, a)?;
    Ok(a[0].clone())
}

fn m_repr(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = this(vm, a)?;
    let st = f.st.borrow(vm.gil());
    let state = match st.status {
        Status::Pending => "pending".to_string(),
        Status::Cancelled => "cancelled".to_string(),
        Status::Done => "finished".to_string(),
    };
    let extra = match st.status {
        Status::Done => match &st.exc {
            Some(e) => Some((true, e.value())),
            None => Some((false, st.result.clone())),
        },
        _ => None,
    };
    drop(st);
    let extra = match extra {
        Some((true, v)) => format!(" exception={}", vm.repr(&v)?),
        Some((false, v)) => format!(" result={}", vm.repr(&v)?),
        None => String::new(),
    };
    match &f.task {
        Some(t) => {
            let name = t.st.borrow(vm.gil()).name.clone();
            let name = vm.repr(&name)?;
            let coro = vm.repr(&t.coro)?;
            let coro = coro.split(" at 0x").next().unwrap_or("").to_string();
            let coro = coro.trim_start_matches("<coroutine object ").to_string();
            Ok(Value::str(format!(
                "<Task {state} name={name} coro=<{coro}()>{extra}>"
            )))
        }
        None => Ok(Value::str(format!("<Future {state}{extra}>"))),
    }
}

/// Register the `Future` and `Task` classes; returns them.
pub fn install(vm: &mut Vm) -> (Value, Value) {
    let object = vm.types().object.clone();
    let mut out = Vec::new();
    for (key, name, is_task) in [
        ("_asyncio.Future", "Future", false),
        ("_asyncio.Task", "Task", true),
    ] {
        let c = crate::object::types::new_builtin_class(
            name,
            Some(&object),
            crate::object::value::BuiltinType::Native,
        );
        let mut methods: Vec<(&'static str, crate::object::value::NativeFn)> = vec![
            ("done", m_done),
            ("cancelled", m_cancelled),
            ("result", m_result),
            ("exception", m_exception),
            ("cancel", m_cancel),
            ("add_done_callback", m_add_done_callback),
            ("remove_done_callback", m_remove_done_callback),
            ("__await__", m_await),
            ("__repr__", m_repr),
            ("_set_children", m_set_children),
            ("_cancel_requested", m_cancel_requested),
            ("_cancel_message", m_cancel_message),
            ("set_result", m_set_result),
            ("set_exception", m_set_exception),
        ];
        if is_task {
            methods.push(("get_name", m_get_name));
            methods.push(("set_name", m_set_name));
            methods.push(("get_coro", m_get_coro));
            methods.push(("cancelling", m_cancelling));
            methods.push(("uncancel", m_uncancel));
        }
        crate::builtins::add_methods(vm, &c, &methods);
        vm.types()
            .natives
            .borrow_mut(vm.gil())
            .insert(key, c.clone());
        out.push(Value::Class(c));
    }
    let task = out.pop().unwrap_or_default();
    let fut = out.pop().unwrap_or_default();
    (fut, task)
}
