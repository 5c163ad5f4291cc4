//! Socket addresses for `_socket` (socket.rs): Python addresses to C ones and back as
//! CPython's (`(host, port)` for AF_INET, `(host, port, flowinfo, scope_id)` for AF_INET6, a
//! path for AF_UNIX), host names resolved through libc's getaddrinfo with the GIL released,
//! and the module's `getaddrinfo` and `gethostname`.

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};
use std::net::{Ipv4Addr, Ipv6Addr};

use gilvm_vm::object::args::Kwargs;
use gilvm_vm::runtime::blocking::blocking;
use gilvm_vm::{PyErr, PyResult, Value, Vm};

use crate::fdio;
use crate::socket::{c_int, int, nargs};

/// A socket address in C form.
pub(crate) struct Addr {
    pub(crate) storage: libc::sockaddr_storage,
    pub(crate) len: libc::socklen_t,
}

impl Addr {
    pub(crate) fn empty() -> Addr {
        Addr {
            // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
            storage: unsafe { zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    pub(crate) fn ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }
    pub(crate) fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

/// Resolve `host` for `family` as CPython's `setipaddr`: '' is the any address,
/// '<broadcast>' the broadcast one, numbers parse directly, names go through getaddrinfo.
pub(crate) fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<std::net::IpAddr> {
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
pub(crate) fn to_addr(vm: &mut Vm, caller: &str, family: i32, v: &Value) -> PyResult<Addr> {
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
pub(crate) fn from_addr(addr: &Addr) -> Value {
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

/// `socket.gaierror(code, message)`: raised as OSError with the code as errno (socket.py
/// turns it into its gaierror).
pub(crate) fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let class = vm.types().os_error.clone();
    vm.new_error_args(&class, vec![Value::Int(code as i64), Value::str(msg)])
}

pub(crate) type Found = (i32, i32, i32, String, Option<std::net::SocketAddr>);

/// libc's getaddrinfo, with the GIL released.
pub(crate) fn lookup(
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

pub(crate) fn sockaddr_std(addr: &Addr) -> Option<std::net::SocketAddr> {
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
pub(crate) fn getaddrinfo(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
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
pub(crate) fn gethostname(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
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
