//! `multiprocessing.Pipe` and its `Connection` ends: a Unix socket pair; each message is one
//! frame of the wire format. An end passed to a new process travels as a descriptor
//! (SCM_RIGHTS), so the two processes then talk directly, without the parent in between.

use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::process::lock;
use super::wire::{self, Wire};
use super::{blocking_wait, deadline_after, handle_arg, timeout_arg, wait_interruptibly};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::args::Kwargs;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{NativeObject, Value};
use gilvm_vm::runtime::interrupt::Stop;

#[derive(Debug)]
pub struct Conn {
    pub readable: bool,
    pub writable: bool,
    reader: Mutex<Option<UnixStream>>,
    writer: Mutex<Option<UnixStream>>,
}

impl NativeObject for Conn {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.ConnHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Conn {
    pub fn new(stream: UnixStream, readable: bool, writable: bool) -> std::io::Result<Conn> {
        let other = stream.try_clone()?;
        Ok(Conn {
            readable,
            writable,
            reader: Mutex::new(Some(stream)),
            writer: Mutex::new(Some(other)),
        })
    }

    /// A duplicate of the descriptor, to pass to a new process.
    pub fn dup_fd(&self) -> Option<OwnedFd> {
        lock(&self.writer)
            .as_ref()
            .and_then(|s| s.as_fd().try_clone_to_owned().ok())
    }

    pub fn from_fd(fd: OwnedFd, readable: bool, writable: bool) -> std::io::Result<Conn> {
        Conn::new(UnixStream::from(fd), readable, writable)
    }
}

fn conn<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a Conn> {
    handle_arg::<Conn>(vm, a, 0, "connection")
}

fn closed(vm: &Vm) -> gilvm_vm::PyErr {
    let os_error = vm.types().os_error.clone();
    vm.new_error(&os_error, "handle is closed")
}

/// `pipe_new(duplex)` -> (conn1, conn2); for a one-way pipe conn1 only reads, conn2 only writes.
pub fn pipe_new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let duplex = a.first().map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let os_error = vm.types().os_error.clone();
    let (x, y) = UnixStream::pair().map_err(|e| vm.new_error(&os_error, e.to_string()))?;
    let c1 = Conn::new(x, true, duplex).map_err(|e| vm.new_error(&os_error, e.to_string()))?;
    let c2 = Conn::new(y, duplex, true).map_err(|e| vm.new_error(&os_error, e.to_string()))?;
    Ok(Value::tuple(vec![
        Value::Native(Arc::new(Box::new(c1))),
        Value::Native(Arc::new(Box::new(c2))),
    ]))
}

fn send_wire(vm: &mut Vm, c: &Conn, w: Wire) -> PyResult<Value> {
    if !c.writable {
        let os_error = vm.types().os_error.clone();
        return Err(vm.new_error(&os_error, "connection is read-only"));
    }
    let mut guard = lock(&c.writer);
    let Some(stream) = guard.as_mut() else {
        drop(guard);
        return Err(closed(vm));
    };
    // Small frames go out in one write that does not block for long; the GIL is kept.
    let res = wire::write_msg(stream, &w);
    drop(guard);
    res.map_err(|e| {
        let class = if e.kind() == std::io::ErrorKind::BrokenPipe {
            vm.types()
                .exceptions
                .iter()
                .find(|c| c.name.as_str() == "BrokenPipeError")
                .cloned()
        } else {
            None
        }
        .unwrap_or_else(|| vm.types().os_error.clone());
        vm.new_error(&class, format!("[Errno 32] {e}"))
    })?;
    Ok(Value::None)
}

/// `conn_send(c, obj)`
pub fn conn_send(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    let obj = a.get(1).cloned().unwrap_or_default();
    let w = wire::from_value(vm, &obj)?;
    send_wire(vm, c, w)
}

/// `conn_send_bytes(c, b)`
pub fn conn_send_bytes(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    match a.get(1) {
        Some(Value::Bytes(b)) => {
            let w = Wire::Bytes(b.data.to_vec());
            send_wire(vm, c, w)
        }
        Some(other) => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("send_bytes() missing required argument 'buf'")),
    }
}

/// `conn_recv(c)`: the next object; EOFError when the other end is closed.
pub fn conn_recv(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    if !c.readable {
        let os_error = vm.types().os_error.clone();
        return Err(vm.new_error(&os_error, "connection is write-only"));
    }
    // Wait for something to read (interruptibly), then read one message.
    let fd = {
        let guard = lock(&c.reader);
        guard
            .as_ref()
            .and_then(|s| s.as_fd().try_clone_to_owned().ok())
    };
    let Some(fd) = fd else {
        return Err(closed(vm));
    };
    wait_interruptibly(
        vm,
        None,
        || {},
        |_, stop| readable(&fd, None, stop).then_some(()),
    )?;
    let handle: Value = a[0].clone();
    let res = blocking_wait(vm, move || {
        let Value::Native(n) = &handle else {
            return Err(None);
        };
        let Some(c) = n.as_any().downcast_ref::<Conn>() else {
            return Err(None);
        };
        let mut guard = lock(&c.reader);
        let Some(stream) = guard.as_mut() else {
            return Err(Some("closed".to_string()));
        };
        match wire::read_msg::<Wire>(stream) {
            Ok(Some(w)) => Ok(w),
            Ok(None) => Err(None),
            Err(e) => Err(Some(e.to_string())),
        }
    });
    match res {
        Ok(w) => wire::to_value(vm, w),
        Err(None) => {
            let eof = vm
                .types()
                .exceptions
                .iter()
                .find(|c| c.name.as_str() == "EOFError")
                .cloned();
            let eof = eof.unwrap_or_else(|| vm.types().os_error.clone());
            Err(vm.new_error_args(&eof, vec![]))
        }
        Err(Some(msg)) if msg == "closed" => Err(closed(vm)),
        Err(Some(msg)) => {
            let os_error = vm.types().os_error.clone();
            Err(vm.new_error(&os_error, msg))
        }
    }
}

/// `conn_poll(c, timeout)`: is there something to read (or has the other end closed)?
pub fn conn_poll(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    // poll() means poll(0); poll(None) waits for ever.
    let timeout = match a.get(1) {
        None => Some(0.0),
        Some(v) => timeout_arg(vm, Some(v))?,
    };
    let fd = {
        let guard = lock(&c.reader);
        match guard.as_ref() {
            Some(s) => s.as_fd().try_clone_to_owned().ok(),
            None => None,
        }
    };
    let Some(fd) = fd else {
        return Err(closed(vm));
    };
    let deadline = deadline_after(timeout);
    let ready = wait_interruptibly(
        vm,
        deadline,
        || {},
        |deadline, stop| readable(&fd, deadline, stop).then_some(()),
    )?;
    let ready = ready.is_some();
    Ok(Value::Bool(ready))
}

/// How often a wait on a pipe looks at its `Stop`: a descriptor cannot be woken by a condition
/// variable, and 50 ms is well below what a person notices after Ctrl-C.
const POLL_SLICE: Duration = Duration::from_millis(50);

/// Wait (GIL released) until `fd` is readable or closed (true), `deadline` passes or `stop`
/// asks (false).
fn readable(fd: &OwnedFd, deadline: Option<Instant>, stop: &Stop) -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    loop {
        let slice = match deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(POLL_SLICE),
            None => POLL_SLICE,
        };
        let ms = PollTimeout::try_from(slice.as_micros().div_ceil(1000) as i64)
            .unwrap_or(PollTimeout::MAX);
        let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, ms) {
            Ok(n) if n > 0 => return true,
            Ok(_) | Err(nix::errno::Errno::EINTR) => {}
            Err(_) => return false,
        }
        if stop.requested() || deadline.is_some_and(|d| Instant::now() >= d) {
            return false;
        }
    }
}

/// `conn_close(c)`
pub fn conn_close(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    *lock(&c.writer) = None;
    *lock(&c.reader) = None;
    Ok(Value::None)
}

/// `conn_closed(c)`
pub fn conn_closed(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = conn(vm, a)?;
    Ok(Value::Bool(lock(&c.writer).is_none()))
}
