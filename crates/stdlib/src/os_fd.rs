//! The `os` module's descriptor-level calls: `pipe`, `read`, `write`, `close`, `dup`, `fsync`,
//! `mkfifo`, `kill`, `fdopen`, `get_blocking`/`set_blocking`, `waitpid`, `strerror` and
//! the constants they take. Reads, writes and waits run with the GIL released
//! ([`blocking`]), as CPython's do. Hooked into `os` by one call in `os.rs`.

use std::sync::Arc;

use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{Module, Value};
use gilvm_vm::runtime::blocking::blocking;

/// Add the descriptor calls to the `os` module `m`.
pub fn add(vm: &mut Vm, m: &Arc<Module>) {
    add_fns(
        vm,
        m,
        &[
            ("pipe", pipe),
            ("read", read),
            ("write", write),
            ("close", close),
            ("dup", dup),
            ("fsync", fsync),
            ("mkfifo", mkfifo),
            ("kill", kill),
            ("fdopen", fdopen),
            ("get_blocking", get_blocking),
            ("set_blocking", set_blocking),
            ("waitpid", waitpid),
            ("strerror", strerror),
            ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ],
    );
    for (name, v) in [
        ("WNOHANG", libc::WNOHANG as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ] {
        set(vm, m, name, Value::Int(v));
    }
}

/// A C int argument (a descriptor, a pid, a signal number).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = gilvm_vm::builtins::to_index(vm, v)?;
    i32::try_from(n).map_err(|_| {
        vm.overflow_error(if n < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

fn fd_arg(vm: &mut Vm, name: &str, a: &[Value], kw: &Kwargs) -> PyResult<i32> {
    let v = args::one(vm, name, a, kw)?.clone();
    c_int(vm, &v)
}

/// `os.pipe()`: `(read_fd, write_fd)`, both non-inheritable (as CPython's).
fn pipe(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "pipe", a, kw)?;
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 writes two descriptors into the array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

/// `os.read(fd, n)`: at most `n` bytes (b'' at end of file), waiting with the GIL released.
fn read(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "read", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("read expected 2 arguments, got {}", a.len())));
    }
    let fd = c_int(vm, &a[0])?;
    let n = gilvm_vm::builtins::to_index(vm, &a[1])?;
    if n < 0 {
        let e = std::io::Error::from_raw_os_error(libc::EINVAL);
        return Err(crate::fdio::error(vm, e));
    }
    let n = n as usize;
    if let Err(e) = crate::fdio::wait_ready(vm, fd, libc::POLLIN)? {
        return Err(crate::fdio::error(vm, e));
    }
    let r = blocking(vm, move || crate::fdio::read(fd, n));
    match r {
        Ok(data) => Ok(gilvm_vm::builtins::buffer::new_bytes(data)),
        Err(e) => Err(crate::fdio::error(vm, e)),
    }
}

/// `os.write(fd, data)`: the number of bytes written, waiting with the GIL released.
fn write(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "write", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("write expected 2 arguments, got {}", a.len())));
    }
    let fd = c_int(vm, &a[0])?;
    let data = gilvm_vm::builtins::buffer::need_buffer(vm, &a[1])?;
    if let Err(e) = crate::fdio::wait_ready(vm, fd, libc::POLLOUT)? {
        return Err(crate::fdio::error(vm, e));
    }
    let r = blocking(vm, move || crate::fdio::write(fd, &data));
    match r {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(crate::fdio::error(vm, e)),
    }
}

/// `os.close(fd)`.
fn close(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let fd = fd_arg(vm, "close", a, kw)?;
    // SAFETY: closing a descriptor number touches no memory; a bad one gives EBADF.
    if unsafe { libc::close(fd) } < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    Ok(Value::None)
}

/// `os.dup(fd)`: a new, non-inheritable descriptor for the same file.
fn dup(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let fd = fd_arg(vm, "dup", a, kw)?;
    // SAFETY: F_DUPFD_CLOEXEC only makes a new descriptor.
    let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if d < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    Ok(Value::Int(d as i64))
}

/// `os.fsync(fd)`: `fd` a descriptor or an object with `fileno()`; waits with the GIL released.
fn fsync(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "fsync", a, kw)?.clone();
    let fd = match v {
        Value::Int(_) | Value::Bool(_) => c_int(vm, &v)?,
        _ => match vm.get_attr_opt(&v, "fileno")? {
            Some(f) => {
                let n = vm.call(&f, &[])?;
                c_int(vm, &n)?
            }
            None => {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            }
        },
    };
    // SAFETY: fsync takes a descriptor number and touches no memory; a bad one gives EBADF.
    let r = blocking(vm, move || {
        if unsafe { libc::fsync(fd) } < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(())
        }
    });
    r.map(|()| Value::None)
        .map_err(|e| crate::fdio::error(vm, e))
}

/// `os.mkfifo(path, mode=0o666)`.
fn mkfifo(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: args::Params = args::Params {
        name: "mkfifo",
        names: &["path", "mode"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let path = match &s[0] {
        Some(Value::Str(p)) => p.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "mkfifo: path should be string, bytes or os.PathLike, not {}",
                vm.type_name(other)
            )))
        }
        None => String::new(),
    };
    let mode = match &s[1] {
        Some(v) => c_int(vm, v)?,
        None => 0o666,
    };
    let Ok(c) = std::ffi::CString::new(path.clone()) else {
        return Err(vm.value_error("embedded null byte"));
    };
    // SAFETY: `c` is a valid NUL-terminated path.
    if unsafe { libc::mkfifo(c.as_ptr(), mode as libc::mode_t) } < 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_error(vm, IoFail::Os(e), Some(&path)));
    }
    Ok(Value::None)
}

/// `os.kill(pid, sig)`. A signal to this process itself is handled before this returns if a
/// Python handler is set for it (the handler runs at the next instruction).
fn kill(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "kill", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("kill expected 2 arguments, got {}", a.len())));
    }
    let pid = c_int(vm, &a[0])?;
    let sig = c_int(vm, &a[1])?;
    // SAFETY: kill(2) sends a signal; it touches no memory of ours.
    if unsafe { libc::kill(pid, sig) } < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    if pid as u32 == std::process::id() {
        gilvm_vm::runtime::signals::await_own(sig);
        vm.check_interrupt()?;
    }
    Ok(Value::None)
}

/// `os.fdopen(fd, *args, **kwargs)`: `open(fd, *args, **kwargs)`.
fn fdopen(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if a.is_empty() {
        return Err(vm.type_error("fdopen() missing 1 required positional argument: 'fd'"));
    }
    if !matches!(a[0], Value::Int(_)) {
        return Err(vm.type_error(format!(
            "fdopen() argument 'fd' must be int, not {}",
            vm.type_name(&a[0])
        )));
    }
    let open = vm
        .interp
        .builtins
        .globals
        .borrow(vm.gil())
        .get(&gilvm_vm::object::key::str_key("open"))
        .cloned();
    let Some(open) = open else {
        return Err(vm.runtime_error("open() is missing"));
    };
    vm.call_kw(&open, a, kw)
}

fn flags(vm: &mut Vm, fd: i32) -> PyResult<i32> {
    // SAFETY: F_GETFL only reads the descriptor's flags.
    let f = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if f < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    Ok(f)
}

/// `os.get_blocking(fd)`.
fn get_blocking(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let fd = fd_arg(vm, "get_blocking", a, kw)?;
    let f = flags(vm, fd)?;
    Ok(Value::Bool(f & libc::O_NONBLOCK == 0))
}

/// `os.set_blocking(fd, blocking)`.
fn set_blocking(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "set_blocking", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!(
            "set_blocking expected 2 arguments, got {}",
            a.len()
        )));
    }
    let fd = c_int(vm, &a[0])?;
    let on = vm.truthy(&a[1])?;
    let f = flags(vm, fd)?;
    let nf = if on {
        f & !libc::O_NONBLOCK
    } else {
        f | libc::O_NONBLOCK
    };
    // SAFETY: F_SETFL only sets the descriptor's flags.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } < 0 {
        return Err(crate::fdio::last_error(vm));
    }
    Ok(Value::None)
}

/// `os.waitpid(pid, options)`: `(pid, status)`, waiting with the GIL released.
fn waitpid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "waitpid", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("waitpid expected 2 arguments, got {}", a.len())));
    }
    let pid = c_int(vm, &a[0])?;
    let options = c_int(vm, &a[1])?;
    let r = blocking(vm, move || loop {
        let mut status = 0;
        // SAFETY: waitpid writes the status into `status`.
        let got = unsafe { libc::waitpid(pid, &mut status, options) };
        if got >= 0 {
            return Ok((got, status));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    });
    match r {
        Ok((p, st)) => Ok(Value::tuple(vec![
            Value::Int(p as i64),
            Value::Int(st as i64),
        ])),
        Err(e) => Err(crate::fdio::error(vm, e)),
    }
}

/// `os.waitstatus_to_exitcode(status)`: the exit code, or minus the signal that ended it.
fn waitstatus_to_exitcode(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = fd_arg(vm, "waitstatus_to_exitcode", a, kw)?;
    if libc::WIFEXITED(st) {
        Ok(Value::Int(libc::WEXITSTATUS(st) as i64))
    } else if libc::WIFSIGNALED(st) {
        Ok(Value::Int(-(libc::WTERMSIG(st) as i64)))
    } else {
        Err(vm.value_error(format!("invalid wait status: {st}")))
    }
}

/// `os.strerror(code)`.
fn strerror(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let code = fd_arg(vm, "strerror", a, kw)?;
    let text = std::io::Error::from_raw_os_error(code).to_string();
    let text = match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    Ok(Value::str(text))
}
