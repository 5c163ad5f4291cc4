//! The worker side: `gilvm __mp-worker` receives its descriptors and start message on stdin (a
//! socket to the parent), runs the parent's main script as `__mp_main__`, then either calls the
//! target once (Process) or serves pool tasks until told to stop.

use std::io::IoSliceMut;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use super::link::ParentLink;
use super::process::{self, state, Settings, WorkerInfo};
use super::reports;
use super::shm::adopt_fd;
use super::wire::{self, Callee, Decoder, Mode, RemoteError, Start, ToParent, ToWorker, Wire};
use gilvm_vm::interp::vm::{Vm, VmConfig};
use gilvm_vm::object::error::PyErr;
use gilvm_vm::object::value::Value;

/// Most descriptors a start message may carry.
const MAX_FDS: usize = 64;

/// Run a worker; returns its exit status.
pub fn worker_main(settings: Settings, started: impl FnOnce(Arc<gilvm_vm::Interp>)) -> i32 {
    match setup() {
        Ok((stream, fds, start)) => run(settings, stream, fds, start, started),
        Err(e) => {
            eprintln!("gilvm: this command is for gilvm's multiprocessing only ({e})");
            2
        }
    }
}

fn setup() -> std::io::Result<(UnixStream, Vec<Option<OwnedFd>>, Start)> {
    let sock: OwnedFd = std::io::stdin().as_fd().try_clone_to_owned()?;
    // The worker's stdin is /dev/null from now on, as in CPython's workers.
    if let Ok(null) = std::fs::File::open("/dev/null") {
        let _ = nix::unistd::dup2(null.as_raw_fd(), 0);
    }
    let stream = UnixStream::from(sock);
    let fds = recv_fds(&stream)?;
    let mut r = &stream;
    match wire::read_msg::<ToWorker>(&mut r)? {
        Some(ToWorker::Start(start)) => Ok((stream, fds, start)),
        _ => Err(std::io::Error::other("no start message")),
    }
}

fn recv_fds(stream: &UnixStream) -> std::io::Result<Vec<Option<OwnedFd>>> {
    use nix::sys::socket::{recvmsg, ControlMessageOwned, MsgFlags};
    let mut count = [0u8; 4];
    let mut cmsg = nix::cmsg_space!([std::os::fd::RawFd; MAX_FDS]);
    let mut fds = Vec::new();
    let mut got = 0;
    {
        let mut iov = [IoSliceMut::new(&mut count)];
        let msg = recvmsg::<()>(
            stream.as_raw_fd(),
            &mut iov,
            Some(&mut cmsg),
            MsgFlags::MSG_CMSG_CLOEXEC,
        )
        .map_err(std::io::Error::from)?;
        got += msg.bytes;
        for c in msg.cmsgs().map_err(std::io::Error::from)? {
            if let ControlMessageOwned::ScmRights(raw) = c {
                fds.extend(raw.into_iter().map(|fd| Some(adopt_fd(fd))));
            }
        }
    }
    if got == 0 {
        return Err(std::io::Error::other("the parent closed the connection"));
    }
    if got < 4 {
        use std::io::Read;
        let mut r = stream;
        r.read_exact(&mut count[got..])?;
    }
    let expected = u32::from_le_bytes(count) as usize;
    if expected != fds.len() {
        return Err(std::io::Error::other("descriptor count mismatch"));
    }
    Ok(fds)
}

fn run(
    settings: Settings,
    stream: UnixStream,
    fds: Vec<Option<OwnedFd>>,
    start: Start,
    started: impl FnOnce(Arc<gilvm_vm::Interp>),
) -> i32 {
    let link = match ParentLink::start(stream) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("gilvm: worker cannot talk to its parent: {e}");
            return 1;
        }
    };
    // A spent instruction budget ends the whole tree's run (tree.rs).
    gilvm_vm::runtime::exit_hooks::set_budget_end(|message, status| {
        super::tree::end_run(message, status)
    });
    let _ = state().worker.set(WorkerInfo {
        name: start.name.clone(),
        link: link.clone(),
        parent_pid: start.parent_pid,
        bootstrapping: std::sync::atomic::AtomicBool::new(true),
    });
    if settings.report {
        // Its own children report to it; it forwards their reports with its own.
        reports::collect_worker_reports();
    }
    let mut vm = Vm::new(VmConfig {
        argv: start.argv.clone(),
        sys_path: Some(start.sys_path.clone()),
        gil: start.gil.config(settings.report, settings.tracing),
        max_instructions: settings.max_instructions,
        ..VmConfig::default()
    });
    let interp = vm.interp.clone();
    super::tree::set_interp(interp.clone());
    started(interp.clone());
    let status = run_in(&mut vm, &link, fds, &start);
    let interrupted = gilvm_vm::modules::threading::thread::wait_for_threads(&mut vm).is_err();
    vm.interp.flush_stdout();
    gilvm_vm::runtime::blocking::blocking(&mut vm, move || {
        process::at_exit(interrupted, &gilvm_vm::runtime::interrupt::Stop::never())
    });
    if settings.report {
        // The main thread lets go of the GIL for good and files its report; the children
        // have been joined, so their reports are in.
        drop(vm);
        let mut all = vec![reports::own_report(&start.name, &interp.gil)];
        all.extend(reports::take_received());
        let _ = link.send(&ToParent::GilReports(all));
    }
    status
}

fn run_in(vm: &mut Vm, link: &Arc<ParentLink>, fds: Vec<Option<OwnedFd>>, start: &Start) -> i32 {
    let source = start.source.clone();
    let code = match gilvm_compiler::compile_source(&source, &start.script) {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", err.render(&start.script, &source, false));
            return 1;
        }
    };
    if let Err(err) = vm.run_module(code, "__mp_main__", Arc::from(source.as_str())) {
        return vm.report_uncaught(&err);
    }
    if let Some(w) = state().worker.get() {
        w.bootstrapping.store(false, Ordering::Relaxed);
    }
    match &start.mode {
        Mode::Process {
            target,
            args,
            kwargs,
        } => {
            let mut dec = Decoder::with_fds(fds);
            let result = (|| {
                let f = resolve(vm, target)?;
                let mut a = Vec::with_capacity(args.len());
                for w in args.iter().cloned() {
                    a.push(dec.decode(vm, w)?);
                }
                let mut kw = Vec::with_capacity(kwargs.len());
                for (k, w) in kwargs.iter().cloned() {
                    kw.push((
                        Arc::new(gilvm_vm::object::value::PyStr::new(k)),
                        dec.decode(vm, w)?,
                    ));
                }
                vm.call_kw(&f, &a, &kw)
            })();
            process_result(vm, &start.name, result)
        }
        Mode::Object {
            module,
            qualname,
            state,
        } => {
            let class = match find_class(vm, module, qualname, &start.script) {
                Ok(class) => class,
                Err(err) => {
                    // CPython fails here while unpickling, before `Process NAME:` applies.
                    let text = vm.format_exception(&err);
                    vm.interp.flush_stdout();
                    report_error(&text);
                    return 1;
                }
            };
            let mut dec = Decoder::with_fds(fds);
            let result = (|| {
                let obj = vm.new_instance(&class, None, None);
                let mut pairs = Vec::with_capacity(state.len());
                for (k, w) in state.iter().cloned() {
                    pairs.push(Value::tuple(vec![Value::str(k), dec.decode(vm, w)?]));
                }
                let m = vm.import("multiprocessing")?;
                let boot = vm.get_attr(&Value::Module(m), "_bootstrap_child")?;
                vm.call(&boot, &[obj, Value::list(pairs)])
            })();
            process_result(vm, &start.name, result)
        }
        Mode::Pool {
            initializer,
            initargs,
        } => {
            if let Some(init) = initializer {
                let mut dec = Decoder::with_fds(fds);
                let result = (|| {
                    let f = resolve(vm, init)?;
                    let mut a = Vec::with_capacity(initargs.len());
                    for w in initargs.iter().cloned() {
                        a.push(dec.decode(vm, w)?);
                    }
                    vm.call(&f, &a)
                })();
                if let Err(err) = result {
                    let text = vm.format_exception(&err);
                    vm.interp.flush_stdout();
                    report_process_error(&start.name, &text);
                    return 1;
                }
            }
            serve(vm, link, &start.name)
        }
    }
}

/// A Process's end: exit status 0, `sys.exit`'s status, or 1 after printing `Process NAME:` and
/// the traceback.
fn process_result(vm: &mut Vm, name: &str, result: Result<Value, PyErr>) -> i32 {
    match result {
        Ok(_) => 0,
        Err(err) => {
            let system_exit = vm.types().system_exit.clone();
            if vm.err_is(&err, &system_exit) {
                return vm.report_uncaught(&err);
            }
            let text = vm.format_exception(&err);
            vm.interp.flush_stdout();
            report_process_error(name, &text);
            1
        }
    }
}

/// The class a `Process` subclass's instance is recreated from, found as pickle finds it:
/// module `__main__` is the re-imported main script (`__mp_main__`).
fn find_class(
    vm: &mut Vm,
    module: &str,
    qualname: &str,
    script: &str,
) -> Result<Arc<gilvm_vm::object::value::Class>, PyErr> {
    let (mut obj, shown) = if module == "__main__" {
        let gil = vm.gil();
        let m = vm.interp.module(gil, "__mp_main__");
        let m = m.ok_or_else(|| vm.runtime_error("the main script is not loaded"))?;
        (
            Value::Module(m),
            format!("<module '__mp_main__' from '{script}'>"),
        )
    } else {
        (
            Value::Module(vm.import(module)?),
            format!("<module '{module}'>"),
        )
    };
    for part in qualname.split('.') {
        match vm.get_attr_opt(&obj, part)? {
            Some(v) => obj = v,
            None => {
                return Err(vm.attribute_error(format!(
                    "Can't get attribute '{qualname}' on {shown} (a class defined under \
                     `if __name__ == '__main__':` or in a function cannot be found by the child)"
                )))
            }
        }
    }
    match obj {
        Value::Class(c) => Ok(c),
        other => Err(vm.type_error(format!(
            "{module}.{qualname} is a '{}' object, not a Process class",
            vm.type_name(&other)
        ))),
    }
}

/// Print an error in one write.
fn report_error(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Serve pool tasks until Stop. A KeyboardInterrupt (Ctrl-C reaches the workers too) ends
/// the worker with status 1 after printing it, as CPython's pool workers do.
fn serve(vm: &mut Vm, link: &Arc<ParentLink>, name: &str) -> i32 {
    loop {
        let l = link.clone();
        let waker = link.clone();
        let task = super::wait_interruptibly(
            vm,
            None,
            move || waker.wake_tasks(),
            |_, stop| l.next_task(None, stop),
        );
        let task = match task {
            Ok(task) => task,
            Err(err) => return interrupted(vm, name, &err),
        };
        match task {
            Some(ToWorker::Task {
                job,
                chunk,
                func,
                star,
                items,
                kwargs,
            }) => {
                let result = match run_chunk(vm, &func, star, items, kwargs) {
                    Ok(result) => result,
                    Err(err) => return interrupted(vm, name, &err),
                };
                vm.interp.flush_stdout();
                if link
                    .send(&ToParent::TaskDone { job, chunk, result })
                    .is_err()
                {
                    return 1;
                }
            }
            Some(ToWorker::Stop) | None => return 0,
            Some(_) => {}
        }
    }
}

/// A pool worker interrupted by Ctrl-C: report like CPython (`Process NAME:` and the
/// traceback) and end with status 1.
fn interrupted(vm: &mut Vm, name: &str, err: &PyErr) -> i32 {
    let text = vm.format_exception(err);
    vm.interp.flush_stdout();
    report_process_error(name, &text);
    1
}

/// Print `Process NAME:` and a traceback in one write, so that it does not interleave with
/// what other processes print on the same stderr.
fn report_process_error(name: &str, traceback: &str) {
    use std::io::Write;
    let text = format!("Process {name}:\n{traceback}");
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Run one chunk. A KeyboardInterrupt is not a result to send back: it ends the worker
/// (`Err`); any other exception is the chunk's (remote) error.
fn run_chunk(
    vm: &mut Vm,
    func: &Callee,
    star: bool,
    items: Vec<Wire>,
    kwargs: Vec<(String, Wire)>,
) -> Result<Result<Vec<Wire>, RemoteError>, PyErr> {
    let keyboard_interrupt = vm.types().keyboard_interrupt.clone();
    match run_chunk_items(vm, func, star, items, kwargs) {
        Err(err) if vm.err_is(&err, &keyboard_interrupt) => Err(err),
        Err(err) => Ok(Err(remote_error(vm, &err))),
        Ok(out) => Ok(Ok(out)),
    }
}

fn run_chunk_items(
    vm: &mut Vm,
    func: &Callee,
    star: bool,
    items: Vec<Wire>,
    kwargs: Vec<(String, Wire)>,
) -> Result<Vec<Wire>, PyErr> {
    let f = resolve(vm, func)?;
    let mut kw = Vec::with_capacity(kwargs.len());
    for (k, w) in kwargs {
        let v = wire::to_value(vm, w)?;
        kw.push((Arc::new(gilvm_vm::object::value::PyStr::new(k)), v));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let arg = wire::to_value(vm, item)?;
        let r = if star {
            let args = vm.collect(&arg)?;
            vm.call_kw(&f, &args, &kw)
        } else {
            vm.call_kw(&f, std::slice::from_ref(&arg), &kw)
        };
        let v = r?;
        out.push(wire::from_value(vm, &v)?);
    }
    Ok(out)
}

/// An exception, ready to cross to the parent.
fn remote_error(vm: &mut Vm, err: &PyErr) -> RemoteError {
    let class = err.class().clone();
    let mut module = class.module.as_str().to_string();
    if module == "__mp_main__" {
        module = "__main__".to_string();
    }
    let args_v = gilvm_vm::object::error::exc_args(&err.0, vm);
    let args = match args_v
        .iter()
        .map(|a| wire::from_value(vm, a))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(a) => a,
        Err(_) => {
            let text = vm.to_str(&err.value()).unwrap_or_default();
            vec![Wire::Str(text)]
        }
    };
    RemoteError {
        class: class.name.as_str().to_string(),
        module,
        args,
        traceback: vm.format_exception(err),
    }
}

/// The function a callee names, in this worker.
fn resolve(vm: &mut Vm, callee: &Callee) -> Result<Value, PyErr> {
    let gil = vm.gil();
    let (module, name) = match callee {
        Callee::Main(n) => (vm.interp.module(gil, "__mp_main__"), n),
        Callee::Builtin(n) => (Some(vm.interp.builtins.clone()), n),
        Callee::Module { module, name } => (Some(vm.import(module)?), name),
    };
    let found = module.and_then(|m| {
        gilvm_vm::protocol::hash::dict_get_str(&m.globals.borrow(gil), name).cloned()
    });
    found.ok_or_else(|| {
        vm.attribute_error(format!(
            "Can't get attribute '{name}' on <module '__mp_main__'> (a worker looks the function up by name in the main script)"
        ))
    })
}
