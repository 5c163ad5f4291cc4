//! `_gilvm_subprocess`: the OS half of `subprocess` (lib/subprocess.py holds the Python
//! objects). `spawn` starts a child through `std::process::Command` with its standard streams
//! inherited, sent to /dev/null, to a given descriptor or to a fresh pipe; `wait` reaps it
//! (with a timeout: polls `waitpid(WNOHANG)` with growing sleeps, as CPython's `_wait`); and
//! `communicate` feeds the child's stdin while it drains its stdout and stderr through
//! `poll(2)`, so neither side can fill a pipe and stall. Every wait runs with the GIL
//! released ([`blocking`]): a thread waiting for a child lets the others run.

use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm_vm::builtins::buffer::{need_buffer, new_bytes};
use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::Module;
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::runtime::interrupt::Stop;
use gilvm_vm::{PyResult, Value, Vm};

/// How a child's standard stream is set up (the values subprocess.py passes).
const PIPE: i64 = -1;
const STDOUT: i64 = -2;
const DEVNULL: i64 = -3;
const INHERIT: i64 = -4;

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_subprocess");
    add_fns(
        vm,
        &m,
        &[
            ("spawn", spawn),
            ("wait", wait),
            ("communicate", communicate),
            ("check_interrupt", check_interrupt),
        ],
    );
    Ok(m)
}

fn io_err(vm: &mut Vm, e: std::io::Error, filename: Option<&str>) -> gilvm_vm::PyErr {
    os_error(vm, IoFail::Os(e), filename)
}

fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    gilvm_vm::builtins::to_index(vm, v)
}

fn opt_str(vm: &Vm, v: &Value, what: &str) -> PyResult<Option<String>> {
    match v {
        Value::None => Ok(None),
        Value::Str(s) => Ok(Some(s.as_str().to_string())),
        other => Err(vm.type_error(format!(
            "{what}: expected str, bytes or os.PathLike object, not {}",
            vm.type_name(other)
        ))),
    }
}

fn str_list(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<String>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.borrow(vm.gil()).clone(),
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            return Err(vm.type_error(format!(
                "{what}: expected a list, not {}",
                vm.type_name(other)
            )))
        }
    };
    items
        .iter()
        .map(|x| match x {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(other)
            ))),
        })
        .collect()
}

/// A non-inheritable pipe: `(read end, write end)`.
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two descriptors into the array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just made and are owned by nobody else.
    unsafe { Ok((OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))) }
}

/// A non-inheritable duplicate of `fd` (the child gets it as one of 0, 1, 2).
fn dup(fd: i32) -> std::io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC only makes a new descriptor.
    let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if d < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: `d` was just made and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(d) })
}

/// What the child gets as one of its standard streams.
enum Side {
    Inherit,
    Null,
    Fd(OwnedFd),
}

impl Side {
    fn stdio(self) -> Stdio {
        match self {
            Side::Inherit => Stdio::inherit(),
            Side::Null => Stdio::null(),
            Side::Fd(f) => Stdio::from(f),
        }
    }

    /// The same place again (for `stderr=STDOUT`).
    fn again(&self) -> std::io::Result<Side> {
        Ok(match self {
            Side::Inherit => Side::Fd(dup(1)?),
            Side::Null => Side::Null,
            Side::Fd(f) => Side::Fd(f.try_clone()?),
        })
    }
}

/// One stream's setup: what the child gets, and the parent's end of a pipe.
fn stream(spec: i64, child_reads: bool) -> std::io::Result<(Side, Option<OwnedFd>)> {
    Ok(match spec {
        INHERIT => (Side::Inherit, None),
        DEVNULL => (Side::Null, None),
        PIPE => {
            let (r, w) = pipe()?;
            if child_reads {
                (Side::Fd(r), Some(w))
            } else {
                (Side::Fd(w), Some(r))
            }
        }
        fd => (Side::Fd(dup(fd as i32)?), None),
    })
}

fn raw(fd: Option<OwnedFd>) -> Value {
    Value::Int(fd.map(|f| f.into_raw_fd() as i64).unwrap_or(-1))
}

/// `spawn(args, executable, cwd, env, stdin, stdout, stderr)` -> `(pid, stdin_w, stdout_r,
/// stderr_r)`, -1 where no pipe was asked for. `env` is None or a list of `(key, value)`.
fn spawn(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "spawn", kw)?;
    if a.len() != 7 {
        return Err(vm.type_error("spawn() takes 7 arguments"));
    }
    let argv = str_list(vm, &a[0], "args")?;
    let executable = opt_str(vm, &a[1], "executable")?;
    let cwd = opt_str(vm, &a[2], "cwd")?;
    let env = match &a[3] {
        Value::None => None,
        v => {
            let pairs: Vec<Value> = match v {
                Value::List(l) => l.borrow(vm.gil()).clone(),
                _ => return Err(vm.type_error("env must be a list of pairs")),
            };
            let mut out = Vec::new();
            for p in pairs {
                let kv = str_list(vm, &p, "env")?;
                if kv.len() != 2 {
                    return Err(vm.type_error("env must be a list of pairs"));
                }
                if kv[0].contains('=') || kv[0].is_empty() {
                    return Err(vm.value_error("illegal environment variable name"));
                }
                if kv[0].contains('\0') || kv[1].contains('\0') {
                    return Err(vm.value_error("embedded null byte"));
                }
                out.push((kv[0].clone(), kv[1].clone()));
            }
            Some(out)
        }
    };
    let specs = [int(vm, &a[4])?, int(vm, &a[5])?, int(vm, &a[6])?];
    let Some(program) = executable.clone().or_else(|| argv.first().cloned()) else {
        return Err(vm.new_error(&vm.types().index_error.clone(), "list index out of range"));
    };
    let name = program.clone();
    if argv.iter().any(|s| s.contains('\0')) || program.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    if let Some(dir) = &cwd {
        if let Err(e) = std::fs::read_dir(dir) {
            return Err(io_err(vm, e, Some(dir)));
        }
    }
    let r = blocking(vm, move || -> std::io::Result<Value> {
        let mut cmd = Command::new(&program);
        if !argv.is_empty() {
            use std::os::unix::process::CommandExt;
            cmd.arg0(&argv[0]);
            cmd.args(&argv[1..]);
        }
        if let Some(dir) = &cwd {
            cmd.current_dir(dir);
        }
        if let Some(env) = &env {
            cmd.env_clear();
            cmd.envs(env.iter().map(|(k, v)| (k, v)));
        }
        let (i, in_w) = stream(specs[0], true)?;
        let (o, out_r) = stream(specs[1], false)?;
        // stderr=STDOUT: the same place as stdout.
        let (e, err_r) = if specs[2] == STDOUT {
            (o.again()?, None)
        } else {
            stream(specs[2], false)?
        };
        cmd.stdin(i.stdio()).stdout(o.stdio()).stderr(e.stdio());
        let child = cmd.spawn()?;
        let pid = child.id() as i64;
        // The Child handle is dropped without waiting: `wait` reaps the pid itself.
        drop(child);
        drop(cmd);
        Ok(Value::tuple(vec![
            Value::Int(pid),
            raw(in_w),
            raw(out_r),
            raw(err_r),
        ]))
    });
    r.map_err(|e| io_err(vm, e, Some(&name)))
}

/// A timeout argument: None, or seconds (a negative one counts as zero).
fn timeout(vm: &mut Vm, v: &Value) -> PyResult<Option<Duration>> {
    match v {
        Value::None => Ok(None),
        v => {
            let t = gilvm_vm::builtins::to_f64(vm, v)?;
            Ok(Some(Duration::from_secs_f64(if t.is_nan() {
                0.0
            } else {
                t.clamp(0.0, 1e9)
            })))
        }
    }
}

/// The return code of a wait status: the exit status, or minus the signal that ended it.
fn returncode(status: i32) -> i64 {
    if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        libc::WEXITSTATUS(status) as i64
    }
}

/// Reap `pid`: `Ok(Some(returncode))` once it has ended, `Ok(None)` if `deadline` came first,
/// `Err(())` if `stop` asked first (a Ctrl-C or a signal on the main thread: `sliced` waits
/// poll with growing sleeps so that they notice it). A pid that is no longer ours (ECHILD:
/// reaped elsewhere) counts as ended with 0, as in CPython.
pub fn reap(
    pid: i32,
    deadline: Option<Instant>,
    sliced: bool,
    stop: &Stop,
) -> Result<Option<i64>, ()> {
    let mut delay = Duration::from_micros(500);
    let cap = if sliced { 20 } else { 50 };
    loop {
        let mut status = 0;
        let flags = if deadline.is_some() || sliced {
            libc::WNOHANG
        } else {
            0
        };
        // SAFETY: waitpid writes the status into `status`.
        let got = unsafe { libc::waitpid(pid, &mut status, flags) };
        if got == pid {
            return Ok(Some(returncode(status)));
        }
        if got < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Ok(Some(0));
        }
        if stop.requested() {
            return Err(());
        }
        let mut nap = delay;
        if let Some(deadline) = deadline {
            let now = Instant::now();
            if now >= deadline {
                return Ok(None);
            }
            nap = nap.min(deadline - now);
        }
        std::thread::sleep(nap);
        delay = (delay * 2).min(Duration::from_millis(cap));
    }
}

/// `wait(pid, timeout)` -> the return code, or None if the timeout passed first. On the main
/// thread a Ctrl-C raises KeyboardInterrupt and a signal's handler runs meanwhile.
fn wait(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "wait", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error("wait() takes 2 arguments"));
    }
    let pid = int(vm, &a[0])? as i32;
    let t = timeout(vm, &a[1])?;
    let deadline = t.map(|t| Instant::now() + t);
    let sliced = vm.is_main_thread();
    loop {
        let r = vm.wait_interruptibly(|| {}, move |stop| reap(pid, deadline, sliced, stop));
        match r {
            Ok(r) => return Ok(r.map(Value::Int).unwrap_or_default()),
            Err(()) => vm.check_interrupt()?,
        }
    }
}

/// What `communicate` carries between its rounds.
struct Comm {
    fds: [i32; 3],
    input: Vec<u8>,
    written: usize,
    out: Vec<u8>,
    err: Vec<u8>,
}

fn close(fd: &mut i32) {
    if *fd >= 0 {
        // The descriptor was handed to `communicate`, which owns it.
        crate::fdio::close(*fd);
        *fd = -1;
    }
}

impl Comm {
    /// Pump until every pipe is done (true) or the deadline passes (false), or until `stop`
    /// asks (a Ctrl-C or a signal on the main thread).
    fn run(
        &mut self,
        deadline: Option<Instant>,
        stop: &Stop,
    ) -> Result<std::io::Result<bool>, crate::fdio::Interrupted> {
        const CHUNK: usize = 512;
        if self.fds[0] >= 0 && self.written >= self.input.len() {
            close(&mut self.fds[0]);
        }
        loop {
            let mut polls = Vec::new();
            for (i, &fd) in self.fds.iter().enumerate() {
                if fd >= 0 {
                    let events = if i == 0 { libc::POLLOUT } else { libc::POLLIN };
                    polls.push(libc::pollfd {
                        fd,
                        events,
                        revents: 0,
                    });
                }
            }
            if polls.is_empty() {
                return Ok(Ok(true));
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(Ok(false));
            }
            if let Err(e) = crate::fdio::poll_until(&mut polls, deadline, stop)? {
                return Ok(Err(e));
            }
            for p in &polls {
                if p.revents == 0 {
                    continue;
                }
                if p.fd == self.fds[0] {
                    let end = (self.written + CHUNK).min(self.input.len());
                    match crate::fdio::write(p.fd, &self.input[self.written..end]) {
                        Ok(k) => self.written += k,
                        // A child that stopped reading: the rest of the input is dropped,
                        // as CPython does.
                        Err(_) => self.written = self.input.len(),
                    }
                    if self.written >= self.input.len() {
                        close(&mut self.fds[0]);
                    }
                } else {
                    let which = if p.fd == self.fds[1] { 1 } else { 2 };
                    let data = crate::fdio::read(p.fd, 32768).unwrap_or_default();
                    if data.is_empty() {
                        close(&mut self.fds[which]);
                    } else if which == 1 {
                        self.out.extend_from_slice(&data);
                    } else {
                        self.err.extend_from_slice(&data);
                    }
                }
            }
        }
    }
}

/// `communicate(stdin_fd, input, stdout_fd, stderr_fd, timeout)` -> `(done, written, out, err,
/// stdin_fd, stdout_fd, stderr_fd, interrupted)`: writes `input` to the child while it reads
/// its output, until every pipe is closed (done) or the timeout passes, or a Ctrl-C or a
/// signal arrives on the main thread (interrupted: the caller runs `check_interrupt` and goes
/// on). It owns the descriptors it is given (-1 for none) and closes each at its end; those
/// still open come back for the next round.
fn communicate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "communicate", kw)?;
    if a.len() != 5 {
        return Err(vm.type_error("communicate() takes 5 arguments"));
    }
    let fds = [
        int(vm, &a[0])? as i32,
        int(vm, &a[2])? as i32,
        int(vm, &a[3])? as i32,
    ];
    let input = match &a[1] {
        Value::None => Vec::new(),
        v => need_buffer(vm, v)?,
    };
    let t = timeout(vm, &a[4])?;
    let deadline = t.map(|t| Instant::now() + t);
    let mut comm = Comm {
        fds,
        input,
        written: 0,
        out: Vec::new(),
        err: Vec::new(),
    };
    let (r, comm) = vm.wait_interruptibly(
        || {},
        move |stop| {
            let r = comm.run(deadline, stop);
            (r, comm)
        },
    );
    let (done, interrupted) = match r {
        Ok(r) => (r.map_err(|e| io_err(vm, e, None))?, false),
        Err(crate::fdio::Interrupted) => (false, true),
    };
    Ok(Value::tuple(vec![
        Value::Bool(done),
        Value::Int(comm.written as i64),
        new_bytes(comm.out),
        new_bytes(comm.err),
        Value::Int(comm.fds[0] as i64),
        Value::Int(comm.fds[1] as i64),
        Value::Int(comm.fds[2] as i64),
        Value::Bool(interrupted),
    ]))
}

/// `check_interrupt()`: run the handlers of pending signals (their exceptions propagate) and
/// raise KeyboardInterrupt for a pending Ctrl-C, as between two instructions.
fn check_interrupt(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "check_interrupt", a, kw)?;
    vm.check_interrupt()?;
    Ok(Value::None)
}
