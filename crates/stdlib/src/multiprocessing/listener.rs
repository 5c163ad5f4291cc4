//! Unix-socket listeners and client connections for `multiprocessing.managers`: the manager
//! process listens on a path, and every proxy (in any process) connects to it; both ends are
//! then ordinary `Connection`s speaking the wire format.

use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::Arc;

use super::conn::Conn;
use super::{blocking_wait, handle_arg, str_arg};
use crate::fdio;
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::args::Kwargs;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{NativeObject, Value};

#[derive(Debug)]
pub struct Listener(UnixListener);

impl NativeObject for Listener {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.ListenerHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn conn_value(vm: &mut Vm, s: UnixStream) -> PyResult<Value> {
    let c = Conn::new(s, true, true).map_err(|e| fdio::error(vm, e))?;
    Ok(Value::Native(Arc::new(Box::new(c))))
}

/// `listener_bind(path)` -> a listener on the Unix socket `path`.
pub fn listener_bind(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let path = str_arg(vm, a, 0)?;
    let l = UnixListener::bind(&path).map_err(|e| fdio::error(vm, e))?;
    Ok(Value::Native(Arc::new(Box::new(Listener(l)))))
}

/// `listener_accept(listener)` -> a duplex connection (waits with the GIL released).
pub fn listener_accept(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let l = handle_arg::<Listener>(vm, a, 0, "listener")?;
    let r = blocking_wait(vm, || l.0.accept());
    let (s, _) = r.map_err(|e| fdio::error(vm, e))?;
    conn_value(vm, s)
}

/// `conn_connect(path)` -> a duplex connection to the listener at `path`.
pub fn conn_connect(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let path = str_arg(vm, a, 0)?;
    let r = blocking_wait(vm, || UnixStream::connect(&path));
    let s = r.map_err(|e| fdio::error(vm, e))?;
    conn_value(vm, s)
}
