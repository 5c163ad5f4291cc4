//! `_socket`: the OS half of `socket` (lib/socket.py holds the `socket` class, its
//! timeouts, `makefile`, `create_connection`, `create_server`). Sockets are descriptors; each
//! call here takes one and a timeout in seconds (< 0: block; 0: never wait; > 0: wait that
//! long with poll(2), then `TimeoutError('timed out')`), and every wait runs with the GIL
//! released ([`blocking`]), so a thread in `accept` or `recv` lets the others run.
//! Addresses and name lookups are socket_addr.rs's. Plain libc (already in the tree) rather
//! than socket2: every call is one syscall on a descriptor that Python owns, which is what
//! libc gives directly.

use std::mem::size_of;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gilvm_vm::builtins::buffer::{need_buffer, new_bytes};
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::Module;
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::runtime::interrupt::Stop;
use gilvm_vm::{PyErr, PyResult, Value, Vm};

use crate::fdio;
use crate::socket_addr::{from_addr, getaddrinfo, gethostname, to_addr, Addr};

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_socket");
    add_fns(
        vm,
        &m,
        &[
            ("socket", socket),
            ("socketpair", socketpair),
            ("bind", bind),
            ("listen", listen),
            ("accept", accept),
            ("connect", connect),
            ("send", send),
            ("sendto", sendto),
            ("recv", recv),
            ("recvfrom", recvfrom),
            ("shutdown", shutdown),
            ("getsockname", getsockname),
            ("getpeername", getpeername),
            ("setsockopt", setsockopt),
            ("getsockopt", getsockopt),
            ("getaddrinfo", getaddrinfo),
            ("gethostname", gethostname),
            ("sock_type", sock_type),
            ("raise_errno", raise_errno),
        ],
    );
    for (name, v) in [
        ("AF_UNSPEC", libc::AF_UNSPEC),
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("AF_UNIX", libc::AF_UNIX),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
        ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_REUSEPORT", libc::SO_REUSEPORT),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_ERROR", libc::SO_ERROR),
        ("SO_TYPE", libc::SO_TYPE),
        ("SO_RCVBUF", libc::SO_RCVBUF),
        ("SO_SNDBUF", libc::SO_SNDBUF),
        ("SO_LINGER", libc::SO_LINGER),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
        ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
        ("TCP_NODELAY", libc::TCP_NODELAY),
        ("SHUT_RD", libc::SHUT_RD),
        ("SHUT_WR", libc::SHUT_WR),
        ("SHUT_RDWR", libc::SHUT_RDWR),
        ("MSG_PEEK", libc::MSG_PEEK),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
        ("MSG_WAITALL", libc::MSG_WAITALL),
        ("AI_PASSIVE", libc::AI_PASSIVE),
        ("AI_CANONNAME", libc::AI_CANONNAME),
        ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
        ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
        ("SOMAXCONN", libc::SOMAXCONN),
    ] {
        set(vm, &m, name, Value::Int(v as i64));
    }
    Ok(m)
}

pub(crate) fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    gilvm_vm::builtins::to_index(vm, v)
}

pub(crate) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

pub(crate) fn nargs(vm: &Vm, name: &str, a: &[Value], kw: &Kwargs, n: usize) -> PyResult<()> {
    args::no_kwargs(vm, name, kw)?;
    if a.len() != n {
        return Err(vm.type_error(format!("{name}() takes {n} arguments")));
    }
    Ok(())
}

fn float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    gilvm_vm::builtins::to_f64(vm, v)
}

/// `TimeoutError('timed out')`, as CPython's socket timeouts.
fn timed_out(vm: &mut Vm) -> PyErr {
    let class = vm
        .types()
        .exception_by_name("TimeoutError")
        .cloned()
        .unwrap_or_else(|| vm.types().os_error.clone());
    vm.new_error(&class, "timed out")
}

/// Why an operation did not complete.
enum Fail {
    Os(std::io::Error),
    Timeout,
    /// A Ctrl-C or a signal is pending on the main thread.
    Interrupted,
}

impl From<std::io::Error> for Fail {
    fn from(e: std::io::Error) -> Fail {
        Fail::Os(e)
    }
}

fn raise(vm: &mut Vm, f: Fail) -> PyErr {
    match f {
        Fail::Os(e) => fdio::error(vm, e),
        Fail::Timeout => timed_out(vm),
        Fail::Interrupted => vm.runtime_error("interrupted"),
    }
}

/// Wait until `fd` is ready for `events`, or `deadline` passes ([`Fail::Timeout`]; None: no
/// deadline), polling in [`fdio::SLICE`]s so that a Ctrl-C or a signal on the main thread ends
/// the wait ([`Fail::Interrupted`]).
fn wait_for(fd: i32, events: i16, deadline: Option<Instant>, stop: &Stop) -> Result<(), Fail> {
    let mut p = [libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    match fdio::poll_until(&mut p, deadline, stop) {
        Err(fdio::Interrupted) => Err(Fail::Interrupted),
        Ok(Err(e)) => Err(Fail::Os(e)),
        Ok(Ok(0)) => Err(Fail::Timeout),
        Ok(Ok(_)) => Ok(()),
    }
}

/// Run `f` with the GIL released; on the main thread a Ctrl-C or a signal ends its wait, the
/// handler runs (or KeyboardInterrupt is raised) and, if nothing was raised, `f` runs again
/// (PEP 475).
fn interruptible<T: Send>(
    vm: &mut Vm,
    mut f: impl FnMut(&Stop) -> Result<T, Fail> + Send,
) -> PyResult<Result<T, Fail>> {
    loop {
        let r = vm.wait_interruptibly(|| {}, |stop| f(stop));
        match r {
            Err(Fail::Interrupted) => vm.check_interrupt()?,
            other => return Ok(other),
        }
    }
}

/// Run the syscall `op` (which returns -1 and sets errno on failure) after waiting for
/// `events`, retrying on EINTR, and on EAGAIN when there is a timeout to wait within.
fn sock_op<T>(
    fd: i32,
    events: i16,
    timeout: f64,
    stop: &Stop,
    mut op: impl FnMut() -> (isize, T),
) -> Result<(usize, T), Fail> {
    if fd < 0 {
        return Err(Fail::Os(std::io::Error::from_raw_os_error(libc::EBADF)));
    }
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    loop {
        // A socket with a timeout waits within it; a blocking one (timeout < 0) for ever, in
        // slices; a non-blocking one (0) not at all (its call gives EAGAIN).
        if timeout != 0.0 {
            wait_for(fd, events, deadline, stop)?;
        }
        let (n, extra) = op();
        if n >= 0 {
            return Ok((n as usize, extra));
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) if timeout != 0.0 => continue,
            _ => return Err(Fail::Os(e)),
        }
    }
}

/// `socket(family, type, proto)` -> a new non-inheritable descriptor.
fn socket(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "socket", a, kw, 3)?;
    let (f, t, p) = (c_int(vm, &a[0])?, c_int(vm, &a[1])?, c_int(vm, &a[2])?);
    // SAFETY: socket(2) makes a descriptor.
    let fd = unsafe { libc::socket(f, t | libc::SOCK_CLOEXEC, p) };
    if fd < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::Int(fd as i64))
}

/// `socketpair(family, type, proto)` -> two connected descriptors.
fn socketpair(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "socketpair", a, kw, 3)?;
    let (f, t, p) = (c_int(vm, &a[0])?, c_int(vm, &a[1])?, c_int(vm, &a[2])?);
    let mut fds = [0i32; 2];
    // SAFETY: socketpair writes two descriptors into the array.
    if unsafe { libc::socketpair(f, t | libc::SOCK_CLOEXEC, p, fds.as_mut_ptr()) } < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

/// `sock_type(fd)` -> `(family, type, proto)` of an existing socket (for `socket(fileno=)`).
fn sock_type(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "sock_type", a, kw, 1)?;
    let fd = c_int(vm, &a[0])?;
    let mut out = Vec::new();
    for opt in [libc::SO_DOMAIN, libc::SO_TYPE, libc::SO_PROTOCOL] {
        out.push(Value::Int(get_opt(vm, fd, libc::SOL_SOCKET, opt)? as i64));
    }
    Ok(Value::tuple(out))
}

/// `bind(fd, family, address)`.
fn bind(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "bind", a, kw, 3)?;
    let fd = c_int(vm, &a[0])?;
    let family = c_int(vm, &a[1])?;
    let addr = to_addr(vm, "bind", family, &a[2])?;
    // SAFETY: the address and its length are valid.
    if unsafe { libc::bind(fd, addr.ptr(), addr.len) } < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::None)
}

/// `listen(fd, backlog)`.
fn listen(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "listen", a, kw, 2)?;
    let fd = c_int(vm, &a[0])?;
    let backlog = c_int(vm, &a[1])?.max(0);
    // SAFETY: listen(2) on a descriptor.
    if unsafe { libc::listen(fd, backlog) } < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::None)
}

/// `accept(fd, timeout)` -> `(new_fd, address)`.
fn accept(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "accept", a, kw, 2)?;
    let fd = c_int(vm, &a[0])?;
    let timeout = float(vm, &a[1])?;
    let r = interruptible(vm, move |stop| {
        sock_op(fd, libc::POLLIN, timeout, stop, || {
            let mut addr = Addr::empty();
            // SAFETY: the storage and its length are valid for accept4 to fill.
            let n = unsafe { libc::accept4(fd, addr.mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) };
            (n as isize, addr)
        })
    })?;
    match r {
        Ok((new, addr)) => Ok(Value::tuple(vec![Value::Int(new as i64), from_addr(&addr)])),
        Err(f) => Err(raise(vm, f)),
    }
}

/// `connect(fd, family, address, timeout)` -> 0 or the errno (`connect_ex`'s result; the
/// Python side raises for `connect`). A timeout raises TimeoutError either way.
fn connect(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "connect", a, kw, 4)?;
    let fd = c_int(vm, &a[0])?;
    let family = c_int(vm, &a[1])?;
    let addr = to_addr(vm, "connect", family, &a[2])?;
    let timeout = float(vm, &a[3])?;
    let r = blocking(vm, move || -> Result<i32, Fail> {
        if fd < 0 {
            return Err(Fail::Os(std::io::Error::from_raw_os_error(libc::EBADF)));
        }
        // SAFETY: the address and its length are valid.
        let rc = unsafe { libc::connect(fd, addr.ptr(), addr.len) };
        if rc == 0 {
            return Ok(0);
        }
        let mut err = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        while err == libc::EINTR {
            // An interrupted connect goes on in the background: wait for it as for
            // EINPROGRESS.
            err = libc::EINPROGRESS;
        }
        if err == libc::EINPROGRESS && timeout > 0.0 {
            let d = Instant::now() + Duration::from_secs_f64(timeout);
            wait_for(fd, libc::POLLOUT, Some(d), &Stop::never())?;
            let mut so: libc::c_int = 0;
            let mut len = size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: getsockopt writes one int.
            unsafe {
                libc::getsockopt(
                    fd,
                    libc::SOL_SOCKET,
                    libc::SO_ERROR,
                    (&mut so as *mut libc::c_int).cast(),
                    &mut len,
                )
            };
            return Ok(so);
        }
        Ok(err)
    });
    match r {
        Ok(e) => Ok(Value::Int(e as i64)),
        Err(f) => Err(raise(vm, f)),
    }
}

/// `raise_errno(errno)`: raise the OSError subclass for an errno (what `connect` raises
/// for `connect_ex`'s non-zero result).
fn raise_errno(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "raise_errno", a, kw, 1)?;
    let errno = c_int(vm, &a[0])?;
    Err(fdio::error(vm, std::io::Error::from_raw_os_error(errno)))
}

/// `send(fd, data, flags, timeout)` -> bytes sent.
fn send(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "send", a, kw, 4)?;
    let fd = c_int(vm, &a[0])?;
    let data = need_buffer(vm, &a[1])?;
    let flags = c_int(vm, &a[2])? | libc::MSG_NOSIGNAL;
    let timeout = float(vm, &a[3])?;
    let r = interruptible(vm, move |stop| {
        sock_op(fd, libc::POLLOUT, timeout, stop, || {
            // SAFETY: the pointer and length are the buffer's.
            let n = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) };
            (n, ())
        })
    })?;
    match r {
        Ok((n, ())) => Ok(Value::Int(n as i64)),
        Err(f) => Err(raise(vm, f)),
    }
}

/// `sendto(fd, data, flags, family, address, timeout)` -> bytes sent.
fn sendto(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "sendto", a, kw, 6)?;
    let fd = c_int(vm, &a[0])?;
    let data = need_buffer(vm, &a[1])?;
    let flags = c_int(vm, &a[2])? | libc::MSG_NOSIGNAL;
    let family = c_int(vm, &a[3])?;
    let addr = to_addr(vm, "sendto", family, &a[4])?;
    let timeout = float(vm, &a[5])?;
    let r = interruptible(vm, move |stop| {
        sock_op(fd, libc::POLLOUT, timeout, stop, || {
            // SAFETY: buffer and address are valid for the call.
            let n = unsafe {
                libc::sendto(
                    fd,
                    data.as_ptr().cast(),
                    data.len(),
                    flags,
                    addr.ptr(),
                    addr.len,
                )
            };
            (n, ())
        })
    })?;
    match r {
        Ok((n, ())) => Ok(Value::Int(n as i64)),
        Err(f) => Err(raise(vm, f)),
    }
}

fn bufsize(vm: &mut Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = int(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

/// `recv(fd, n, flags, timeout)` -> bytes (b'' when the peer has closed).
fn recv(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "recv", a, kw, 4)?;
    let fd = c_int(vm, &a[0])?;
    let n = bufsize(vm, &a[1], "recv")?;
    let flags = c_int(vm, &a[2])?;
    let timeout = float(vm, &a[3])?;
    let r = interruptible(vm, move |stop| {
        let mut buf = vec![0u8; n];
        sock_op(fd, libc::POLLIN, timeout, stop, || {
            // SAFETY: the buffer has room for `n` bytes.
            let got = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), n, flags) };
            (got, ())
        })
        .map(|(got, ())| {
            buf.truncate(got);
            buf
        })
    })?;
    match r {
        Ok(data) => Ok(new_bytes(data)),
        Err(f) => Err(raise(vm, f)),
    }
}

/// `recvfrom(fd, n, flags, timeout)` -> `(bytes, address)`.
fn recvfrom(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "recvfrom", a, kw, 4)?;
    let fd = c_int(vm, &a[0])?;
    let n = bufsize(vm, &a[1], "recvfrom")?;
    let flags = c_int(vm, &a[2])?;
    let timeout = float(vm, &a[3])?;
    let r = interruptible(vm, move |stop| {
        let mut buf = vec![0u8; n];
        sock_op(fd, libc::POLLIN, timeout, stop, || {
            let mut addr = Addr::empty();
            // SAFETY: the buffer has room for `n` bytes; the address storage is valid.
            let got = unsafe {
                libc::recvfrom(
                    fd,
                    buf.as_mut_ptr().cast(),
                    n,
                    flags,
                    addr.mut_ptr(),
                    &mut addr.len,
                )
            };
            (got, addr)
        })
        .map(|(got, addr)| {
            buf.truncate(got);
            (buf, addr)
        })
    })?;
    match r {
        Ok((data, addr)) => {
            let from = if addr.len == 0 {
                Value::None
            } else {
                from_addr(&addr)
            };
            Ok(Value::tuple(vec![new_bytes(data), from]))
        }
        Err(f) => Err(raise(vm, f)),
    }
}

/// `shutdown(fd, how)`.
fn shutdown(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "shutdown", a, kw, 2)?;
    let fd = c_int(vm, &a[0])?;
    let how = c_int(vm, &a[1])?;
    // SAFETY: shutdown(2) on a descriptor.
    if unsafe { libc::shutdown(fd, how) } < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::None)
}

fn name_of(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    which: &str,
    f: unsafe extern "C" fn(i32, *mut libc::sockaddr, *mut libc::socklen_t) -> i32,
) -> PyResult<Value> {
    nargs(vm, which, a, kw, 1)?;
    let fd = c_int(vm, &a[0])?;
    let mut addr = Addr::empty();
    // SAFETY: the storage and its length are valid for the call to fill.
    if unsafe { f(fd, addr.mut_ptr(), &mut addr.len) } < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(from_addr(&addr))
}

/// `getsockname(fd)`.
fn getsockname(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    name_of(vm, a, kw, "getsockname", libc::getsockname)
}

/// `getpeername(fd)`.
fn getpeername(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    name_of(vm, a, kw, "getpeername", libc::getpeername)
}

/// `setsockopt(fd, level, option, value)`: an int value, or bytes as they are.
fn setsockopt(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "setsockopt", a, kw, 4)?;
    let fd = c_int(vm, &a[0])?;
    let level = c_int(vm, &a[1])?;
    let opt = c_int(vm, &a[2])?;
    let data: Vec<u8> = match &a[3] {
        Value::Int(_) | Value::Bool(_) => c_int(vm, &a[3])?.to_ne_bytes().to_vec(),
        v => need_buffer(vm, v)?,
    };
    // SAFETY: the value pointer and length are the buffer's.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            level,
            opt,
            data.as_ptr().cast(),
            data.len() as libc::socklen_t,
        )
    };
    if rc < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(Value::None)
}

fn get_opt(vm: &mut Vm, fd: i32, level: i32, opt: i32) -> PyResult<i32> {
    let mut v: libc::c_int = 0;
    let mut len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt writes at most one int.
    let rc = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            (&mut v as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if rc < 0 {
        return Err(fdio::last_error(vm));
    }
    Ok(v)
}

/// `getsockopt(fd, level, option)` -> an int.
fn getsockopt(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "getsockopt", a, kw, 3)?;
    let fd = c_int(vm, &a[0])?;
    let level = c_int(vm, &a[1])?;
    let opt = c_int(vm, &a[2])?;
    Ok(Value::Int(get_opt(vm, fd, level, opt)? as i64))
}
