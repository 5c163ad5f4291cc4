//! `_socket`: the OS half of `socket` (lib/socket.py holds the `socket` class, its
//! timeouts, `makefile`, `create_connection`, `create_server`). Sockets are descriptors; each
//! call here takes one and a timeout in seconds (< 0: block; 0: never wait; > 0: wait that
//! long with poll(2), then `TimeoutError('timed out')`), and every wait runs with the GIL
//! released ([`blocking`]), so a thread in `accept` or `recv` lets the others run.
//! Addresses are converted as CPython's: `(host, port)` for AF_INET, `(host, port, flowinfo,
//! scope_id)` for AF_INET6, a path for AF_UNIX. Name lookups go through libc's
//! getaddrinfo, as CPython's do. Plain libc (already in the tree) rather than socket2: every
//! call is one syscall on a descriptor that Python owns, which is what libc gives directly.

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use gilvm_vm::builtins::buffer::{need_buffer, new_bytes};
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::Module;
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::runtime::interrupt::Stop;
use gilvm_vm::{PyErr, PyResult, Value, Vm};

use crate::fdio;

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

fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    gilvm_vm::builtins::to_index(vm, v)
}

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

fn nargs(vm: &Vm, name: &str, a: &[Value], kw: &Kwargs, n: usize) -> PyResult<()> {
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

/// How long a blocking call waits before it looks for a Ctrl-C or a signal again.
const SLICE: f64 = 0.05;

/// Wait until `fd` is ready for `events` or `timeout` (> 0 seconds) passes; a pending Ctrl-C
/// or signal on the main thread ends the wait ([`Fail::Interrupted`]).
fn wait_ready(fd: i32, events: i16, timeout: f64, stop: &Stop) -> Result<(), Fail> {
    if stop.requested() {
        return Err(Fail::Interrupted);
    }
    if timeout <= 0.0 {
        return Ok(());
    }
    let mut p = [libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    let ms = (timeout * 1000.0).ceil().min(i32::MAX as f64) as i32;
    if fdio::poll(&mut p, ms)? == 0 {
        if stop.requested() {
            return Err(Fail::Interrupted);
        }
        if timeout < SLICE {
            return Err(Fail::Timeout);
        }
    }
    Ok(())
}

/// Is `fd` ready for `events` now?
fn ready(fd: i32, events: i16) -> Result<bool, Fail> {
    let mut p = [libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    Ok(fdio::poll(&mut p, 0)? > 0)
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
    let deadline = (timeout > 0.0)
        .then(|| std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout));
    loop {
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Err(Fail::Timeout);
            }
            wait_ready(fd, events, left.as_secs_f64().min(SLICE), stop)?;
            if std::time::Instant::now() < d && !ready(fd, events)? {
                continue;
            }
        } else if timeout < 0.0 {
            // A blocking socket: wait in slices, so that a Ctrl-C or a signal on the main
            // thread gets its turn (within SLICE seconds).
            while !ready(fd, events)? {
                wait_ready(fd, events, SLICE, stop)?;
            }
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

/// A socket address in C form.
struct Addr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl Addr {
    fn empty() -> Addr {
        Addr {
            // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
            storage: unsafe { zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

/// Resolve `host` for `family` as CPython's `setipaddr`: '' is the any address,
/// '<broadcast>' the broadcast one, numbers parse directly, names go through getaddrinfo.
fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<std::net::IpAddr> {
    use std::net::IpAddr;
    if host.is_empty() {
        return Ok(if family == libc::AF_INET6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        });
    }
    if host == "<broadcast>" && family == libc::AF_INET {
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    if family == libc::AF_INET {
        if let Ok(a) = host.parse::<Ipv4Addr>() {
            return Ok(IpAddr::V4(a));
        }
    } else if let Ok(a) = host.parse::<Ipv6Addr>() {
        return Ok(IpAddr::V6(a));
    }
    let found = lookup(vm, Some(host), None, family, 0, 0, 0)?;
    for (fam, _, _, _, addr) in found {
        if fam == family {
            if let Some(ip) = addr {
                return Ok(ip.ip());
            }
        }
    }
    Err(gai_error(vm, libc::EAI_NONAME))
}

/// A Python address as a C one for a socket of `family`.
fn to_addr(vm: &mut Vm, caller: &str, family: i32, v: &Value) -> PyResult<Addr> {
    let mut addr = Addr::empty();
    if family == libc::AF_UNIX {
        let path: Vec<u8> = match v {
            Value::Str(s) => s.as_str().as_bytes().to_vec(),
            Value::Bytes(b) => b.data.to_vec(),
            other => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(other)
                )))
            }
        };
        // SAFETY: the storage is big enough for a sockaddr_un.
        let un = unsafe { &mut *(addr.mut_ptr() as *mut libc::sockaddr_un) };
        if path.len() >= un.sun_path.len() {
            return Err(vm.os_error(&vm.types().os_error.clone(), "AF_UNIX path too long"));
        }
        un.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (d, s) in un.sun_path.iter_mut().zip(&path) {
            *d = *s as libc::c_char;
        }
        addr.len = (size_of::<libc::sa_family_t>() + path.len() + 1) as libc::socklen_t;
        return Ok(addr);
    }
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            let fam = if family == libc::AF_INET6 {
                "AF_INET6"
            } else {
                "AF_INET"
            };
            return Err(vm.type_error(format!(
                "{caller}(): {fam} address must be tuple, not {}",
                vm.type_name(other)
            )));
        }
    };
    let want = if family == libc::AF_INET6 {
        2..=4
    } else {
        2..=2
    };
    if !want.contains(&items.len()) {
        return Err(vm.type_error(if family == libc::AF_INET6 {
            format!(
                "{caller}(): AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
            )
        } else {
            format!("{caller}(): AF_INET address must be a pair (host, port)")
        }));
    }
    let host = match &items[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "str, bytes or bytearray expected, not {}",
                vm.type_name(other)
            )))
        }
    };
    let Value::Int(port) = items[1] else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&items[1])
        )));
    };
    if !(0..=65535).contains(&port) {
        let class = vm.types().overflow_error.clone();
        return Err(vm.new_error(&class, format!("{caller}(): port must be 0-65535.")));
    }
    let ip = resolve(vm, &host, family)?;
    match ip {
        std::net::IpAddr::V4(a) => {
            // SAFETY: the storage is big enough for a sockaddr_in.
            let sin = unsafe { &mut *(addr.mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = (port as u16).to_be();
            sin.sin_addr.s_addr = u32::from(a).to_be();
            addr.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        }
        std::net::IpAddr::V6(a) => {
            // SAFETY: the storage is big enough for a sockaddr_in6.
            let sin6 = unsafe { &mut *(addr.mut_ptr() as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = (port as u16).to_be();
            sin6.sin6_addr.s6_addr = a.octets();
            if let Some(v) = items.get(2) {
                sin6.sin6_flowinfo = (int(vm, v)? as u32).to_be();
            }
            if let Some(v) = items.get(3) {
                sin6.sin6_scope_id = int(vm, v)? as u32;
            }
            addr.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        }
    }
    Ok(addr)
}

/// A C address as the Python one.
fn from_addr(addr: &Addr) -> Value {
    let family = addr.storage.ss_family as i32;
    match family {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(addr.ptr() as *const libc::sockaddr_in) };
            let ip = Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            Value::tuple(vec![
                Value::str(ip.to_string()),
                Value::Int(u16::from_be(sin.sin_port) as i64),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &*(addr.ptr() as *const libc::sockaddr_in6) };
            let ip = Ipv6Addr::from(sin6.sin6_addr.s6_addr);
            Value::tuple(vec![
                Value::str(ip.to_string()),
                Value::Int(u16::from_be(sin6.sin6_port) as i64),
                Value::Int(u32::from_be(sin6.sin6_flowinfo) as i64),
                Value::Int(sin6.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says this is a sockaddr_un.
            let un = unsafe { &*(addr.ptr() as *const libc::sockaddr_un) };
            let n = (addr.len as usize).saturating_sub(size_of::<libc::sa_family_t>());
            let bytes: Vec<u8> = un.sun_path[..n.min(un.sun_path.len())]
                .iter()
                .map(|c| *c as u8)
                .take_while(|c| *c != 0)
                .collect();
            Value::str(String::from_utf8_lossy(&bytes).into_owned())
        }
        _ => Value::None,
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
            let d = std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout);
            while !ready(fd, libc::POLLOUT)? {
                let left = d.saturating_duration_since(std::time::Instant::now());
                if left.is_zero() {
                    return Err(Fail::Timeout);
                }
                wait_ready(
                    fd,
                    libc::POLLOUT,
                    left.as_secs_f64().min(SLICE),
                    &Stop::never(),
                )?;
            }
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

/// `socket.gaierror(code, message)`: raised as OSError with the code as errno (socket.py
/// turns it into its gaierror).
fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let class = vm.types().os_error.clone();
    vm.new_error_args(&class, vec![Value::Int(code as i64), Value::str(msg)])
}

type Found = (i32, i32, i32, String, Option<std::net::SocketAddr>);

/// libc's getaddrinfo, with the GIL released.
fn lookup(
    vm: &mut Vm,
    host: Option<&str>,
    port: Option<&str>,
    family: i32,
    socktype: i32,
    proto: i32,
    flags: i32,
) -> PyResult<Vec<Found>> {
    let host = host.map(|h| CString::new(h).unwrap_or_default());
    let port = port.map(|p| CString::new(p).unwrap_or_default());
    let r = blocking(vm, move || -> Result<Vec<Found>, i32> {
        // SAFETY: addrinfo is plain data; the hints are zeroed except for the fields set.
        let mut hints: libc::addrinfo = unsafe { zeroed() };
        hints.ai_family = family;
        hints.ai_socktype = socktype;
        hints.ai_protocol = proto;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        // SAFETY: the strings are NUL-terminated (or null) and `res` receives the list.
        let rc = unsafe {
            libc::getaddrinfo(
                host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
                port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                &hints,
                &mut res,
            )
        };
        if rc != 0 {
            return Err(rc);
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: `p` walks the list getaddrinfo returned.
            let ai = unsafe { &*p };
            let mut addr = Addr::empty();
            let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
            // SAFETY: copies `n` bytes of the returned address into the storage.
            unsafe {
                std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.mut_ptr() as *mut u8, n)
            };
            addr.len = n as libc::socklen_t;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a NUL-terminated string of the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }
                    .to_string_lossy()
                    .into_owned()
            };
            out.push((
                ai.ai_family,
                ai.ai_socktype,
                ai.ai_protocol,
                canon,
                sockaddr_std(&addr),
            ));
            p = ai.ai_next;
        }
        // SAFETY: frees the list getaddrinfo made.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    });
    r.map_err(|code| gai_error(vm, code))
}

fn sockaddr_std(addr: &Addr) -> Option<std::net::SocketAddr> {
    match addr.storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(addr.ptr() as *const libc::sockaddr_in) };
            Some(std::net::SocketAddr::new(
                Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)).into(),
                u16::from_be(sin.sin_port),
            ))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &*(addr.ptr() as *const libc::sockaddr_in6) };
            Some(std::net::SocketAddr::new(
                Ipv6Addr::from(sin6.sin6_addr.s6_addr).into(),
                u16::from_be(sin6.sin6_port),
            ))
        }
        _ => None,
    }
}

/// `getaddrinfo(host, port, family, type, proto, flags)` -> a list of `(family, type,
/// proto, canonname, sockaddr)`.
fn getaddrinfo(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "getaddrinfo", a, kw, 6)?;
    let host = match &a[0] {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(&b.data).into_owned()),
        other => {
            return Err(vm.type_error(format!(
                "getaddrinfo() argument 1 must be string or None, not {}",
                vm.type_name(other)
            )))
        }
    };
    let port = match &a[1] {
        Value::None => None,
        Value::Int(n) => Some(n.to_string()),
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Bytes(b) => Some(String::from_utf8_lossy(&b.data).into_owned()),
        _ => return Err(vm.os_error(&vm.types().os_error.clone(), "Int or String expected")),
    };
    let (family, socktype, proto, flags) = (
        c_int(vm, &a[2])?,
        c_int(vm, &a[3])?,
        c_int(vm, &a[4])?,
        c_int(vm, &a[5])?,
    );
    let found = lookup(
        vm,
        host.as_deref(),
        port.as_deref(),
        family,
        socktype,
        proto,
        flags,
    )?;
    let out = found
        .into_iter()
        .filter_map(|(f, t, p, canon, addr)| {
            let addr = addr?;
            let sa = match addr {
                std::net::SocketAddr::V4(v4) => Value::tuple(vec![
                    Value::str(v4.ip().to_string()),
                    Value::Int(v4.port() as i64),
                ]),
                std::net::SocketAddr::V6(v6) => Value::tuple(vec![
                    Value::str(v6.ip().to_string()),
                    Value::Int(v6.port() as i64),
                    Value::Int(v6.flowinfo() as i64),
                    Value::Int(v6.scope_id() as i64),
                ]),
            };
            Some(Value::tuple(vec![
                Value::Int(f as i64),
                Value::Int(t as i64),
                Value::Int(p as i64),
                Value::str(canon),
                sa,
            ]))
        })
        .collect();
    Ok(Value::list(out))
}

/// `gethostname()`.
fn gethostname(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    nargs(vm, "gethostname", a, kw, 0)?;
    let mut buf = [0u8; 256];
    // SAFETY: the buffer has room for the name and its NUL.
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } < 0 {
        return Err(fdio::last_error(vm));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(Value::str(
        String::from_utf8_lossy(&buf[..end]).into_owned(),
    ))
}
