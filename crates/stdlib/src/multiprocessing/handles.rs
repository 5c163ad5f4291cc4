//! Multiprocessing objects passed to a new process as arguments: a queue by its id (the worker
//! reaches it through its link), a pipe end or shared memory by descriptor (sent with
//! SCM_RIGHTS). The receiver rebuilds the Python object with the module's `_rebuild`.

use std::os::fd::AsFd;
use std::sync::Arc;

use super::conn::Conn;
use super::queue::QueueHandle;
use super::shm::Region;
use super::sync::ShmObj;
use super::wire::{Decoder, Encoder, HandleWire, Wire};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::Value;
use gilvm_vm::protocol::hash::dict_get_str;

/// The native handle stored as `_h` in a multiprocessing object, and the object's class name.
fn handle_of(vm: &Vm, v: &Value) -> Option<(String, Value)> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let h = dict_get_str(&inst.attrs.borrow(vm.gil()), "_h").cloned()?;
    // The class of the multiprocessing module (a user subclass travels as its base).
    let class = std::iter::once(&inst.class)
        .chain(inst.class.mro.iter())
        .find(|c| c.module.as_str() == "multiprocessing")?;
    matches!(h, Value::Native(_)).then(|| (class.name.as_str().to_string(), h))
}

/// `Ok(None)` when `v` is not a multiprocessing object.
pub fn encode_handle(vm: &mut Vm, v: &Value, enc: &mut Encoder) -> PyResult<Option<Wire>> {
    let Some((class, h)) = handle_of(vm, v) else {
        return Ok(None);
    };
    let Value::Native(n) = &h else {
        return Ok(None);
    };
    let Some(fds) = enc.fds.as_mut() else {
        return Err(vm.runtime_error(format!(
            "{class} objects should only be shared between processes through inheritance \
             (pass them as arguments of Process or as initargs of Pool)"
        )));
    };
    let any = n.as_any();
    let os_error = vm.types().os_error.clone();
    let dup_err = |e: std::io::Error| vm.new_error(&os_error, format!("cannot pass {class}: {e}"));
    let hw = if let Some(q) = any.downcast_ref::<QueueHandle>() {
        match q {
            QueueHandle::Local(core) => HandleWire::Queue {
                id: core.id,
                maxsize: core.maxsize,
            },
            QueueHandle::Remote { .. } => {
                return Err(
                    vm.runtime_error("gilvm cannot pass on a queue received from another process")
                )
            }
        }
    } else if let Some(c) = any.downcast_ref::<Conn>() {
        let Some(fd) = c.dup_fd() else {
            let os_error = vm.types().os_error.clone();
            return Err(vm.new_error(&os_error, "handle is closed"));
        };
        fds.push(fd);
        HandleWire::Conn {
            fd: (fds.len() - 1) as u32,
            readable: c.readable,
            writable: c.writable,
        }
    } else if let Some(o) = any.downcast_ref::<ShmObj>() {
        let fd = o
            .region
            .file()
            .as_fd()
            .try_clone_to_owned()
            .map_err(dup_err)?;
        fds.push(fd);
        HandleWire::Shm {
            fd: (fds.len() - 1) as u32,
            len: o.region.size() as u64,
            kind: o.kind,
        }
    } else {
        return Ok(None);
    };
    Ok(Some(Wire::Handle(class, hw)))
}

pub fn decode_handle(
    vm: &mut Vm,
    class: &str,
    h: HandleWire,
    dec: &mut Decoder,
) -> PyResult<Value> {
    let os_error = vm.types().os_error.clone();
    let mut take = |i: u32| {
        dec.fds
            .get_mut(i as usize)
            .and_then(Option::take)
            .ok_or_else(|| vm.new_error(&os_error, "missing descriptor for a passed object"))
    };
    let native: Value = match h {
        HandleWire::Queue { id, maxsize } => {
            Value::Native(Arc::new(Box::new(QueueHandle::Remote { id, maxsize })))
        }
        HandleWire::Conn {
            fd,
            readable,
            writable,
        } => {
            let fd = take(fd)?;
            let c = Conn::from_fd(fd, readable, writable)
                .map_err(|e| vm.new_error(&os_error, e.to_string()))?;
            Value::Native(Arc::new(Box::new(c)))
        }
        HandleWire::Shm { fd, len, kind } => {
            let fd = take(fd)?;
            let region = Region::open(fd, len as usize)
                .map_err(|e| vm.new_error(&os_error, e.to_string()))?;
            Value::Native(Arc::new(Box::new(ShmObj {
                region: Arc::new(region),
                kind,
            })))
        }
    };
    let m = vm.import("multiprocessing")?;
    let rebuild = vm.get_attr(&Value::Module(m), "_rebuild")?;
    vm.call(&rebuild, &[Value::str(class), native])
}
