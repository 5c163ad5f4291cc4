//! `_gilvm_select`: poll(2) over a list of descriptors, with the GIL released while it
//! waits. `select.select`, `select.poll` and `selectors` (lib/select.py, lib/selectors.py)
//! are built on this one call.

use std::sync::Arc;

use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::Module;
use gilvm_vm::{PyResult, Value, Vm};

use crate::fdio;

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_gilvm_select");
    add_fns(vm, &m, &[("poll", poll)]);
    for (name, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLWRNORM", libc::POLLWRNORM),
    ] {
        set(vm, &m, name, Value::Int(v as i64));
    }
    Ok(m)
}

/// `poll([(fd, events), ...], timeout_ms)` -> `[(fd, revents), ...]` for the descriptors
/// with events; a negative timeout waits for ever.
fn poll(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "poll", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error("poll() takes 2 arguments"));
    }
    let items: Vec<Value> = match &a[0] {
        Value::List(l) => l.borrow(vm.gil()).clone(),
        _ => return Err(vm.type_error("poll() wants a list")),
    };
    let mut fds = Vec::with_capacity(items.len());
    for it in &items {
        let Value::Tuple(t) = it else {
            return Err(vm.type_error("poll() wants (fd, events) pairs"));
        };
        let fd = gilvm_vm::builtins::to_index(vm, &t.items[0])? as i32;
        let ev = gilvm_vm::builtins::to_index(vm, &t.items[1])? as i16;
        fds.push(libc::pollfd {
            fd,
            events: ev,
            revents: 0,
        });
    }
    let ms = gilvm_vm::builtins::to_index(vm, &a[1])?;
    let ms = ms.clamp(-1, i32::MAX as i64) as i32;
    let r = fdio::poll_interruptibly(vm, fds, ms)?;
    match r {
        Ok(fds) => Ok(Value::list(
            fds.iter()
                .filter(|p| p.revents != 0)
                .map(|p| Value::tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as i64)]))
                .collect(),
        )),
        Err(e) => Err(fdio::error(vm, e)),
    }
}
