//! The `multiprocessing` module with spawn semantics (design §4; the wire format and protocol
//! are documented in docs/multiprocessing.md).
//!
//! The Python-facing classes (Process, Queue, Pipe's Connection, Pool, Value, Array, Lock, ...)
//! are written in Python in `prelude.py`, compiled when the module is first imported; they call
//! the native functions of the hidden module `_gilvm_mp` defined here and in the files beside:
//! - process.rs: starting workers, their records, the broker thread per child, exit handling
//! - worker.rs: the worker side (`gilvm __mp-worker`)
//! - link.rs: a worker's link to its parent
//! - wire.rs: the wire format and the protocol messages
//! - handles.rs: objects passed to a new process (queues, pipe ends, shared memory)
//! - queue.rs, conn.rs, pool.rs, sync.rs: the concepts of the same names
//! - shm.rs: shared memory and received descriptors, the only module with unsafe code

mod conn;
mod handles;
mod link;
mod listener;
mod pool;
mod process;
mod queue;
mod reports;
mod shm;
mod sync;
pub mod tree;
mod wire;
mod worker;

use std::sync::Arc;
use std::time::{Duration, Instant};

use self::pool::{Failure, PoolCore};
use self::process::{lock, state, Child, Owner, Settings};
use self::wire::{Callee, Encoder, Mode, RemoteError, Start, Wire};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::args::Kwargs;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{Module, NativeObject, Value};
use gilvm_vm::runtime::interrupt::Stop;

pub use self::process::Settings as WorkerSettings;
pub use self::reports::{collect_worker_reports, take_worker_reports};
pub use gilvm_vm::runtime::gil::WorkerReport;

const PRELUDE: &str = include_str!("prelude.py");

/// Run a worker process (the hidden `gilvm __mp-worker` command); returns its exit status.
/// `started` is called with the worker's interpreter once it exists (the CLI delivers Ctrl-C
/// to it).
pub fn worker_main(settings: WorkerSettings, started: impl FnOnce(Arc<gilvm_vm::Interp>)) -> i32 {
    worker::worker_main(settings, started)
}

/// Register multiprocessing's exit hook (the VM runs it when the main script ends): join
/// non-daemon children, terminate daemon ones and pools (everything, after an uncaught
/// KeyboardInterrupt, or when the wait's `Stop` asks: a Ctrl-C while joining).
pub fn register_exit_hook() {
    gilvm_vm::runtime::exit_hooks::register(gilvm_vm::runtime::exit_hooks::ExitHook {
        run: process::at_exit,
        wake: process::wake_children,
    });
}

/// The native half: `_gilvm_mp`.
pub fn make_native(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "_gilvm_mp");
    add_fns(
        vm,
        &m,
        &[
            ("process_start", process_start),
            ("is_daemonic", is_daemonic),
            ("process_join", process_join),
            ("process_exitcode", process_exitcode),
            ("process_pid", process_pid),
            ("process_signal", process_signal),
            ("current_name", current_name),
            ("next_name", next_name),
            ("parent_pid", parent_pid),
            ("cpu_count", cpu_count),
            ("queue_new", queue::queue_new),
            ("queue_put", queue::queue_put),
            ("queue_get", queue::queue_get),
            ("queue_qsize", queue::queue_qsize),
            ("queue_task_done", queue::queue_task_done),
            ("queue_join", queue::queue_join),
            ("pipe_new", conn::pipe_new),
            ("listener_bind", listener::listener_bind),
            ("listener_accept", listener::listener_accept),
            ("conn_connect", listener::conn_connect),
            ("conn_send", conn::conn_send),
            ("conn_send_bytes", conn::conn_send_bytes),
            ("conn_recv", conn::conn_recv),
            ("conn_poll", conn::conn_poll),
            ("conn_close", conn::conn_close),
            ("conn_closed", conn::conn_closed),
            ("sync_new", sync::sync_new),
            ("lock_acquire", sync::lock_acquire),
            ("lock_release", sync::lock_release),
            ("sem_value", sync::sem_value),
            ("event_op", sync::event_op),
            ("shm_new", sync::shm_new),
            ("shm_get", sync::shm_get),
            ("shm_set", sync::shm_set),
            ("shm_list", sync::shm_list),
            ("shm_info", sync::shm_info),
            ("shm_lockview", sync::shm_lockview),
            ("pool_new", pool_new),
            ("pool_submit", pool_submit),
            ("pool_wait", pool_wait),
            ("pool_ready", pool_ready),
            ("pool_wait_any", pool_wait_any),
            ("pool_close", pool_close),
            ("pool_terminate", pool_terminate),
            ("pool_join", pool_join),
            ("pool_pids", pool_pids),
        ],
    );
    m
}

/// The `multiprocessing` module: the prelude run over `_gilvm_mp`.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    vm.import("_gilvm_mp")?;
    let filename = "<gilvm multiprocessing>";
    let code = match gilvm_compiler::compile_source(PRELUDE, filename) {
        Ok(code) => code,
        Err(_) => return Err(vm.runtime_error("the multiprocessing prelude does not compile")),
    };
    vm.run_module(code, "multiprocessing", Arc::from(PRELUDE))
}

// ---- helpers shared by the concept files -------------------------------------------------------

/// Run a blocking wait with the GIL released (through the blocking gateway).
pub(crate) fn blocking_wait<T: Send>(vm: &mut Vm, f: impl FnOnce() -> T + Send) -> T {
    gilvm_vm::runtime::blocking::blocking(vm, f)
}

/// A timeout in seconds (already clamped by [`timeout_arg`]) as a deadline.
pub(crate) fn deadline_after(timeout: Option<f64>) -> Option<Instant> {
    timeout.and_then(|t| Instant::now().checked_add(Duration::from_secs_f64(t.max(0.0))))
}

/// Wait with the GIL released until `f` returns `Some` (done) or `deadline` passes (`None`).
/// `f(deadline, stop)` waits once: it returns `None` when the deadline passed or its `Stop`
/// asked. On the main thread a Ctrl-C wakes it (`wake` notifies what it waits on) and raises
/// KeyboardInterrupt; if the handler raises nothing (asyncio's first Ctrl-C) the wait goes on.
pub(crate) fn wait_interruptibly<T: Send>(
    vm: &mut Vm,
    deadline: Option<Instant>,
    wake: impl Fn() + Send + Sync + Clone + 'static,
    mut f: impl FnMut(Option<Instant>, &Stop) -> Option<T> + Send,
) -> PyResult<Option<T>> {
    loop {
        let f = &mut f;
        let r = vm.wait_interruptibly(wake.clone(), move |stop| f(deadline, stop));
        if r.is_some() {
            return Ok(r);
        }
        vm.check_interrupt()?;
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(None);
        }
    }
}

/// What is left of a wait until `deadline` (`None`: no limit).
pub(crate) fn remaining(deadline: Option<Instant>) -> Option<Duration> {
    deadline.map(|d| d.saturating_duration_since(Instant::now()))
}

/// The native handle of type `T` at position `i`.
pub(crate) fn handle_arg<'a, T: 'static>(
    vm: &Vm,
    a: &'a [Value],
    i: usize,
    what: &str,
) -> PyResult<&'a T> {
    match a.get(i) {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<T>()
            .ok_or_else(|| vm.type_error(format!("expected a {what} handle"))),
        _ => Err(vm.type_error(format!("expected a {what} handle"))),
    }
}

/// A timeout argument: None (wait for ever) or a number of seconds (negative counts as 0).
pub(crate) fn timeout_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let t = gilvm_vm::builtins::to_f64(vm, v)?;
            if t.is_nan() {
                return Err(vm.value_error("timeout must be a number, not NaN"));
            }
            Ok(Some(t.clamp(0.0, 1e9)))
        }
    }
}

pub(crate) fn str_arg(vm: &Vm, a: &[Value], i: usize) -> PyResult<String> {
    match a.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error("expected a str")),
    }
}

fn mp_class(vm: &mut Vm, name: &str) -> Arc<gilvm_vm::object::value::Class> {
    let found = vm.import("multiprocessing").ok().and_then(|m| {
        gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(vm.gil()), name).cloned()
    });
    match found {
        Some(Value::Class(c)) => c,
        _ => vm.types().runtime_error.clone(),
    }
}

fn os_err(vm: &Vm, e: std::io::Error) -> gilvm_vm::PyErr {
    let os_error = vm.types().os_error.clone();
    vm.new_error(&os_error, format!("cannot start a worker process: {e}"))
}

/// CPython's error for starting a process while a spawned worker imports the main module.
fn check_not_bootstrapping(vm: &Vm) -> PyResult<()> {
    if let Some(w) = state().worker.get() {
        if w.bootstrapping.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(vm.runtime_error(BOOTSTRAP_MSG));
        }
    }
    Ok(())
}

const BOOTSTRAP_MSG: &str = "
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The \"freeze_support()\" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the \"Safe importing of main module\"
        section in https://docs.python.org/3/library/multiprocessing.html
        ";

/// A function to send by name: a top-level function of the main script or a builtin.
fn callee_of(vm: &mut Vm, f: &Value) -> PyResult<Callee> {
    let gil = vm.gil();
    match f {
        Value::Function(func) => {
            let qual = func.qualname.as_str();
            let name = func.name.as_str();
            let module = func.globals.name.as_str();
            if qual.contains("<locals>") {
                return Err(vm.attribute_error(format!("Can't pickle local object '{qual}'")));
            }
            let same =
                gilvm_vm::protocol::hash::dict_get_str(&func.globals.globals.borrow(gil), name)
                    .is_some_and(|v| v.is(f));
            if (module == "__main__" || module == "__mp_main__") && qual == name && same {
                return Ok(Callee::Main(name.to_string()));
            }
            let registered = vm
                .interp
                .module(gil, module)
                .is_some_and(|m| Arc::ptr_eq(&m, &func.globals));
            if registered && qual == name && same {
                return Ok(Callee::Module {
                    module: module.to_string(),
                    name: name.to_string(),
                });
            }
            let class = mp_class(vm, "PicklingError");
            Err(vm.new_error(
                &class,
                format!(
                    "Can't pickle <function {qual}>: attribute lookup {name} on {module} failed \
                     (gilvm sends a function by name: define it at the top level of the main script)"
                ),
            ))
        }
        Value::Builtin(b) if b.receiver.is_none() => {
            let known = gilvm_vm::protocol::hash::dict_get_str(
                &vm.interp.builtins.globals.borrow(gil),
                b.name,
            )
            .is_some_and(|v| v.is(f));
            if known {
                Ok(Callee::Builtin(b.name.to_string()))
            } else {
                Err(wire::unsendable(vm, f))
            }
        }
        Value::Class(c) => {
            let name = c.name.as_str();
            let known = gilvm_vm::protocol::hash::dict_get_str(
                &vm.interp.builtins.globals.borrow(gil),
                name,
            )
            .is_some_and(|v| v.is(f));
            if known {
                Ok(Callee::Builtin(name.to_string()))
            } else if let Some(Value::Class(g)) = vm.interp.module(gil, "__main__").and_then(|m| {
                gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(gil), name).cloned()
            }) {
                if Arc::ptr_eq(&g, c) {
                    Ok(Callee::Main(name.to_string()))
                } else {
                    Err(wire::unsendable(vm, f))
                }
            } else {
                Err(wire::unsendable(vm, f))
            }
        }
        _ => Err(wire::unsendable(vm, f)),
    }
}

/// How a child finds a class (pickle's rules): its module (`__main__` for the main script,
/// which the child re-imports as `__mp_main__`) and qualified name. A class local to a function
/// is refused as CPython refuses it; one that the name does not reach in the parent is a
/// PicklingError. A class defined under `if __name__ == "__main__":` passes here and fails in
/// the child (AttributeError), as with CPython's spawn.
fn class_ref(vm: &mut Vm, v: &Value) -> PyResult<(String, String)> {
    let Value::Class(c) = v else {
        return Err(wire::unsendable(vm, v));
    };
    let qual = c.qualname.as_str().to_string();
    if qual.contains("<locals>") {
        return Err(vm.attribute_error(format!("Can't pickle local object '{qual}'")));
    }
    let module = c.module.as_str().to_string();
    let found = {
        let gil = vm.gil();
        let m = vm.interp.module(gil, module.as_str());
        m.map(Value::Module)
    };
    let mut found = found;
    for part in qual.split('.') {
        found = match found {
            Some(obj) => vm.get_attr_opt(&obj, part)?,
            None => None,
        };
    }
    if !found.is_some_and(|f| f.is(v)) {
        let class = mp_class(vm, "PicklingError");
        return Err(vm.new_error(
            &class,
            format!("Can't pickle <class '{module}.{qual}'>: it's not the same object as {module}.{qual}"),
        ));
    }
    let module = if module == "__mp_main__" {
        "__main__".to_string()
    } else {
        module
    };
    Ok((module, qual))
}

fn settings(vm: &Vm) -> Settings {
    Settings {
        report: reports::collecting(),
        tracing: vm.interp.gil.tracing(),
        max_instructions: vm.interp.instruction_limit.as_ref().map(|l| l.limit()),
        max_memory_mb: match gilvm_vm::runtime::alloc_limit::memory_limit() {
            usize::MAX => None,
            bytes => Some((bytes >> 20).max(1) as u64),
        },
    }
}

/// The main script's module (`__mp_main__` in a worker).
fn main_module(vm: &Vm) -> Option<Arc<Module>> {
    let gil = vm.gil();
    vm.interp
        .module(gil, "__main__")
        .or_else(|| vm.interp.module(gil, "__mp_main__"))
}

/// The main script's file name and source (what a worker runs as `__mp_main__`).
fn main_script(vm: &mut Vm) -> PyResult<(String, String)> {
    let module = main_module(vm);
    let filename = module.and_then(|m| m.filename.clone());
    let source = filename.as_ref().and_then(|f| vm.source_of(f));
    match (filename, source) {
        (Some(f), Some(s)) => Ok((f.to_string(), s.to_string())),
        _ => Err(vm.runtime_error("multiprocessing needs a main script to run in the worker")),
    }
}

fn start_template(vm: &mut Vm, name: String, mode: Mode) -> PyResult<Start> {
    let (script, source) = main_script(vm)?;
    Ok(Start {
        script,
        source,
        argv: vm.interp.config.argv.clone(),
        sys_path: vm.sys_path()?,
        name,
        parent_pid: std::process::id(),
        mode,
        gil: wire::GilStart::of(&vm.interp.gil),
    })
}

fn encode_kwargs(
    vm: &mut Vm,
    enc: &mut Encoder,
    v: Option<&Value>,
) -> PyResult<Vec<(String, Wire)>> {
    let mut out = Vec::new();
    if let Some(Value::Dict(d)) = v {
        let pairs: Vec<(Value, Value)> = d
            .borrow(vm.gil())
            .iter()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect();
        for (k, v) in pairs {
            let Value::Str(k) = k else {
                return Err(vm.type_error("keywords must be strings"));
            };
            out.push((k.as_str().to_string(), enc.encode(vm, &v)?));
        }
    }
    Ok(out)
}

fn encode_args(vm: &mut Vm, enc: &mut Encoder, v: Option<&Value>) -> PyResult<Vec<Wire>> {
    let items = match v {
        None | Some(Value::None) => Vec::new(),
        Some(v) => vm.collect(v)?,
    };
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(enc.encode(vm, item)?);
    }
    Ok(out)
}

// ---- Process -------------------------------------------------------------------------------

#[derive(Debug)]
struct ChildHandle(Arc<Child>);

impl NativeObject for ChildHandle {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.ChildHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `process_start(target, args, kwargs, name, daemon)` -> handle
///
/// `process_start(cls, (), state, name, daemon, True)` starts an instance of a `Process`
/// subclass overriding `run()`: the child recreates it from its class and instance dict.
/// `is_daemonic()`: is this process a daemonic worker (a daemon `Process` or a `Pool`'s)?
/// Its parent says so in the environment it is spawned with.
fn is_daemonic(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    gilvm_vm::object::args::none(vm, "is_daemonic", a, kw)?;
    let daemonic =
        tree::is_worker() && std::env::var_os(process::DAEMONIC_ENV).is_some_and(|v| v == "1");
    Ok(Value::Bool(daemonic))
}

fn process_start(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    check_not_bootstrapping(vm)?;
    let target = a.first().cloned().unwrap_or_default();
    let object = a.get(5).map(|v| vm.truthy(v)).transpose()?.unwrap_or(false);
    let mut enc = Encoder::with_handles();
    let mode = if object {
        let (module, qualname) = class_ref(vm, &target)?;
        let state = encode_kwargs(vm, &mut enc, a.get(2))?;
        Mode::Object {
            module,
            qualname,
            state,
        }
    } else {
        let callee = callee_of(vm, &target)?;
        let args = encode_args(vm, &mut enc, a.get(1))?;
        let kwargs = encode_kwargs(vm, &mut enc, a.get(2))?;
        Mode::Process {
            target: callee,
            args,
            kwargs,
        }
    };
    let name = str_arg(vm, a, 3)?;
    let daemon = a.get(4).map(|v| vm.truthy(v)).transpose()?.unwrap_or(false);
    let start = start_template(vm, name, mode)?;
    // CPython flushes the standard streams before starting a child.
    vm.interp.flush_stdout();
    let fds = enc.fds.unwrap_or_default();
    let child = process::spawn(settings(vm), start, &fds, daemon, Owner::Process)
        .map_err(|e| os_err(vm, e))?;
    {
        // The broker drops an ended child from the registry; one that ended already (before
        // this push) must not be added back. The broker records the end before it takes this
        // lock, so checking under the lock leaves no gap.
        let mut children = lock(&state().children);
        if child.exitcode().is_none() {
            children.push(child.clone());
        }
    }
    Ok(Value::Native(Arc::new(Box::new(ChildHandle(child)))))
}

fn child_arg<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a Arc<Child>> {
    handle_arg::<ChildHandle>(vm, a, 0, "process").map(|h| &h.0)
}

/// `process_join(h, timeout)`
fn process_join(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let child = child_arg(vm, a)?.clone();
    let deadline = deadline_after(timeout_arg(vm, a.get(1))?);
    let waker = child.clone();
    wait_interruptibly(
        vm,
        deadline,
        move || waker.wake(),
        |deadline, stop| child.wait_or_stop(remaining(deadline), stop),
    )?;
    Ok(Value::None)
}

/// `process_exitcode(h)` -> int or None
fn process_exitcode(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(match child_arg(vm, a)?.exitcode() {
        Some(c) => Value::Int(c as i64),
        None => Value::None,
    })
}

fn process_pid(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(child_arg(vm, a)?.pid as i64))
}

/// `process_signal(h, "TERM" | "KILL")`
fn process_signal(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    use nix::sys::signal::Signal;
    let child = child_arg(vm, a)?.clone();
    let sig = if str_arg(vm, a, 1)? == "KILL" {
        Signal::SIGKILL
    } else {
        Signal::SIGTERM
    };
    child.signal(sig);
    Ok(Value::None)
}

fn current_name(_vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::str(process::current_name()))
}

fn next_name(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let prefix = str_arg(vm, a, 0)?;
    Ok(Value::str(process::next_name(&prefix)))
}

fn parent_pid(_vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(match state().worker.get() {
        Some(w) => Value::Int(w.parent_pid as i64),
        None => Value::None,
    })
}

fn cpu_count(_vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(
        std::thread::available_parallelism().map_or(1, |n| n.get()) as i64,
    ))
}

// ---- Pool ----------------------------------------------------------------------------------

#[derive(Debug)]
struct PoolHandle(Arc<PoolCore>);

impl NativeObject for PoolHandle {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.PoolHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn pool_arg<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a Arc<PoolCore>> {
    handle_arg::<PoolHandle>(vm, a, 0, "pool").map(|h| &h.0)
}

/// `pool_new(processes, initializer, initargs)`
fn pool_new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    check_not_bootstrapping(vm)?;
    let n = match a.first() {
        Some(Value::Int(n)) if *n >= 1 => *n as usize,
        Some(Value::Int(_)) => return Err(vm.value_error("Number of processes must be at least 1")),
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let initializer = match a.get(1) {
        None | Some(Value::None) => None,
        Some(f) => Some(callee_of(vm, f)?),
    };
    let mut enc = Encoder::with_handles();
    let initargs = encode_args(vm, &mut enc, a.get(2))?;
    let template = start_template(vm, String::new(), pool::mode(initializer, initargs))?;
    vm.interp.flush_stdout();
    let fds = enc.fds.unwrap_or_default();
    let core = PoolCore::start(n, settings(vm), template, &fds).map_err(|e| os_err(vm, e))?;
    Ok(Value::Native(Arc::new(Box::new(PoolHandle(core)))))
}

/// `pool_submit(h, func, items, chunksize, star, kwargs)` -> job id. `items` is a list; for
/// apply_async it is `[args]` with `star` and `kwargs`.
fn pool_submit(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    if !core.is_running() {
        return Err(vm.value_error("Pool not running"));
    }
    let func = callee_of(vm, a.get(1).unwrap_or(&Value::None))?;
    let items = vm.collect(a.get(2).unwrap_or(&Value::None))?;
    let chunksize = match a.get(3) {
        Some(Value::Int(n)) if *n >= 1 => *n as usize,
        Some(Value::Int(_)) => return Err(vm.value_error("Chunksize must be 1+, not 0")),
        _ => {
            // CPython: ceil(len / (4 * processes)).
            let per = 4 * core.size().max(1);
            items.len().div_ceil(per).max(1)
        }
    };
    let star = a.get(4).map(|v| vm.truthy(v)).transpose()?.unwrap_or(false);
    let mut enc = Encoder::plain();
    let kwargs = encode_kwargs(vm, &mut enc, a.get(5))?;
    let mut chunks = Vec::with_capacity(items.len().div_ceil(chunksize));
    for group in items.chunks(chunksize) {
        let mut c = Vec::with_capacity(group.len());
        for item in group {
            if star {
                // Checked here so the error names the right type.
                if !matches!(item, Value::Tuple(_) | Value::List(_)) {
                    let tn = vm.type_name(item);
                    return Err(vm.type_error(format!(
                        "{}() argument after * must be an iterable, not {tn}",
                        "function"
                    )));
                }
            }
            c.push(enc.encode(vm, item)?);
        }
        chunks.push(c);
    }
    let job = core.submit(func, star, chunks, kwargs);
    Ok(Value::Int(job as i64))
}

/// `pool_wait(h, job, timeout)` -> ("ok", list) | ("err", exc, traceback) | ("timeout",)
fn pool_wait(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    let job = match a.get(1) {
        Some(Value::Int(j)) => *j as u64,
        _ => return Err(vm.type_error("pool_wait: job")),
    };
    let deadline = deadline_after(timeout_arg(vm, a.get(2))?);
    let waker = core.clone();
    let res = wait_interruptibly(
        vm,
        deadline,
        move || waker.wake(),
        |deadline, stop| core.wait(job, deadline, stop),
    )?;
    match res {
        None => Ok(Value::tuple(vec![Value::str("timeout")])),
        Some(Ok(values)) => {
            let mut out = Vec::with_capacity(values.len());
            for w in values {
                out.push(wire::to_value(vm, w)?);
            }
            Ok(Value::tuple(vec![Value::str("ok"), Value::list(out)]))
        }
        Some(Err(Failure::Remote(e))) => {
            let tb = e.traceback.clone();
            let exc = rebuild_exception(vm, e);
            Ok(Value::tuple(vec![Value::str("err"), exc, Value::str(tb)]))
        }
        Some(Err(Failure::Died(msg))) => {
            let class = mp_class(vm, "ProcessError");
            let exc = vm.new_error(&class, msg).value();
            Ok(Value::tuple(vec![Value::str("err"), exc, Value::None]))
        }
        Some(Err(Failure::Terminated)) => {
            let class = mp_class(vm, "ProcessError");
            let exc = vm
                .new_error(&class, "the pool was terminated before the task finished")
                .value();
            Ok(Value::tuple(vec![Value::str("err"), exc, Value::None]))
        }
    }
}

/// The exception a worker raised, as an instance of the same class in this process.
fn rebuild_exception(vm: &mut Vm, e: RemoteError) -> Value {
    let gil = vm.gil();
    let class = match e.module.as_str() {
        "builtins" => vm.types().exception_by_name(&e.class).cloned(),
        "__main__" => main_module(vm)
            .and_then(|m| {
                gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(gil), &e.class).cloned()
            })
            .and_then(|v| match v {
                Value::Class(c) => Some(c),
                _ => None,
            }),
        module => {
            vm.import(module).ok().and_then(|m| {
                match gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(gil), &e.class)
                    .cloned()
                {
                    Some(Value::Class(c)) => Some(c),
                    _ => None,
                }
            })
        }
    };
    let mut args = Vec::with_capacity(e.args.len());
    for w in e.args {
        args.push(wire::to_value(vm, w).unwrap_or_default());
    }
    let base = vm.types().base_exception.clone();
    if let Some(c) = class.filter(|c| gilvm_vm::object::types::is_subclass(c, &base)) {
        if let Ok(v) = vm.call(&Value::Class(c.clone()), &args) {
            if matches!(&v, Value::Instance(i) if i.exc.is_some()) {
                return v;
            }
        }
        return vm.new_error_args(&c, args).value();
    }
    let msg = format!("{}.{}: {:?}", e.module, e.class, args.len());
    vm.runtime_error(msg).value()
}

/// `pool_wait_any(h, [job, ...], timeout=None)` -> the index of a finished job (the first in
/// the list), or -1 when the timeout passed; for `imap_unordered` and concurrent.futures.
fn pool_wait_any(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    let mut jobs = Vec::new();
    for v in vm.collect(&a.get(1).cloned().unwrap_or_default())? {
        match v {
            Value::Int(j) => jobs.push(j as u64),
            _ => return Err(vm.type_error("pool_wait_any: job")),
        }
    }
    if jobs.is_empty() {
        return Err(vm.value_error("pool_wait_any: no jobs"));
    }
    let deadline = deadline_after(timeout_arg(vm, a.get(2))?);
    let waker = core.clone();
    let found = wait_interruptibly(
        vm,
        deadline,
        move || waker.wake(),
        |deadline, stop| core.wait_any(&jobs, deadline, stop),
    )?;
    Ok(Value::Int(found.map_or(-1, |i| i as i64)))
}

fn pool_ready(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    let job = match a.get(1) {
        Some(Value::Int(j)) => *j as u64,
        _ => return Err(vm.type_error("pool_ready: job")),
    };
    Ok(Value::Bool(core.ready(job)))
}

fn pool_close(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    pool_arg(vm, a)?.close();
    Ok(Value::None)
}

fn pool_terminate(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    blocking_wait(vm, move || core.terminate());
    Ok(Value::None)
}

fn pool_join(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    if core.is_running() {
        return Err(vm.value_error("Pool is still running"));
    }
    let waker = core.clone();
    wait_interruptibly(
        vm,
        None,
        move || waker.wake_workers(),
        |_, stop| core.join(stop).then_some(()),
    )?;
    Ok(Value::None)
}

fn pool_pids(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let core = pool_arg(vm, a)?.clone();
    Ok(Value::list(
        core.workers()
            .iter()
            .map(|c| Value::Int(c.pid as i64))
            .collect(),
    ))
}
