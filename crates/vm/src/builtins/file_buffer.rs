//! The binary-file parts of the file object that CPython's `BufferedReader`/`BufferedWriter`/
//! `BufferedRandom` have beyond reading and writing: `readinto`, `truncate`, and the raw
//! file's normalised `mode` ('r+b' reads back as 'rb+').

use std::sync::Arc;

use super::file::{check_readable, io, this, unsupported, Backend};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{Slice, Value};

/// The `mode` of a binary file as CPython's FileIO spells it: one of r/w/a/x, then 'b', then
/// '+' ('w+b' opens read-write without truncating again, so it reads back as 'rb+').
pub fn raw_mode(mode: &str) -> String {
    let plus = mode.contains('+');
    let base = if mode.contains('w') && plus {
        'r'
    } else if mode.contains('w') {
        'w'
    } else if mode.contains('a') {
        'a'
    } else if mode.contains('x') {
        'x'
    } else {
        'r'
    };
    format!("{base}b{}", if plus { "+" } else { "" })
}

/// `f.readinto(b)`: read up to `len(b)` bytes into a bytearray or writable memoryview; the
/// number read (0 at end of file).
pub fn readinto(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "readinto")?;
    if !f.binary {
        return Err(vm.attribute_error("'_io.TextIOWrapper' object has no attribute 'readinto'"));
    }
    args::count(vm, "readinto", &a[1..], kw, 1, 1)?;
    let target = &a[1];
    let writable = super::buffer::as_bytearray(target).is_some()
        || match target {
            Value::Native(n) => n
                .as_any()
                .downcast_ref::<super::memoryview::MemoryView>()
                .is_some_and(|m| !m.is_readonly()),
            _ => false,
        };
    if !writable {
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(target)
        )));
    }
    if f.is_closed() {
        return Err(vm.value_error("readinto of closed file"));
    }
    if !f.readable {
        return Err(unsupported(vm, "read"));
    }
    check_readable(vm, f)?;
    let n = match super::buffer::buffer(vm, target)? {
        Some(b) => b.len(),
        None => 0,
    };
    let data = io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        while inner.rbuf.len() - inner.rpos < n && inner.fill()? {}
        let end = (inner.rpos + n).min(inner.rbuf.len());
        let out = inner.rbuf[inner.rpos..end].to_vec();
        inner.rpos = end;
        Ok(out)
    })?;
    let got = data.len();
    let key = Value::Slice(Arc::new(Slice {
        start: Value::Int(0),
        stop: Value::Int(got as i64),
        step: Value::None,
    }));
    vm.set_item(target, &key, super::buffer::new_bytes(data))?;
    Ok(Value::Int(got as i64))
}

/// `f.truncate(size=None)`: cut (or extend) the file to `size` bytes, by default at the
/// current position, which does not move; the new size.
pub fn truncate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (obj, f) = this(vm, a, "truncate")?;
    args::count(vm, "truncate", &a[1..], kw, 0, 1)?;
    if f.is_closed() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    if !f.writable {
        return Err(unsupported(
            vm,
            if f.binary { "truncate" } else { "not writable" },
        ));
    }
    let size = match a.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = super::to_index(vm, v)?;
            if n < 0 {
                let e = std::io::Error::from_raw_os_error(22);
                return Err(super::file::os_error(vm, super::file::IoFail::Os(e), None));
            }
            Some(n as u64)
        }
    };
    let r = io(vm, obj, move |_, inner| {
        inner.flush_writes()?;
        inner.drop_readahead()?;
        match &mut inner.backend {
            Backend::Disk(file) => {
                use std::io::Seek;
                let size = match size {
                    Some(n) => n,
                    None => file.stream_position()?,
                };
                file.set_len(size)?;
                Ok(size)
            }
            _ => Ok(0),
        }
    })?;
    Ok(Value::Int(r as i64))
}
