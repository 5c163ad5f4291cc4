//! Threads (design §3): `_thread` is native — OS threads each with its own `Vm` under the GIL
//! ([`thread`]), the lock every other primitive is built on ([`lock`]), the registry of
//! threads and their waits for deadlock detection ([`registry`], [`wait`]). `threading` and
//! `queue` are Python code on top (`threading.py`, `queue.py`, after CPython's), compiled when
//! first imported.

pub mod lock;
pub mod registry;
pub mod thread;
pub mod wait;

use std::sync::Arc;

use super::{add_fns, new_module, set};
use crate::builtins::{dict_set_str, native};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{BuiltinType, Module, NativeFn, Value};

const THREADING_SOURCE: &str = include_str!("threading.py");
const QUEUE_SOURCE: &str = include_str!("queue.py");

/// `_thread`
pub fn make_thread(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "_thread");
    let lock_class = native_class(
        vm,
        "lock",
        "_thread.lock",
        &[
            ("acquire", lock::acquire),
            ("acquire_lock", lock::acquire),
            ("__enter__", lock::acquire),
            ("release", lock::release),
            ("release_lock", lock::release),
            ("__exit__", lock::exit),
            ("locked", lock::locked),
            ("__repr__", lock::repr),
        ],
    );
    native_class(
        vm,
        "_Handle",
        "_thread._Handle",
        &[
            ("join", thread::join),
            ("is_done", thread::is_done),
            ("ident", thread::ident),
        ],
    );
    set(vm, &m, "LockType", Value::Class(lock_class));
    add_fns(
        vm,
        &m,
        &[
            ("allocate_lock", allocate_lock),
            ("start", thread::start),
            ("get_ident", get_ident),
            ("get_native_id", get_ident),
            ("main_ident", main_ident),
            ("_count", count),
        ],
    );
    set(vm, &m, "TIMEOUT_MAX", Value::Float(4_294_967.0));
    set(
        vm,
        &m,
        "error",
        Value::Class(vm.types().runtime_error.clone()),
    );
    m
}

/// `threading`
pub fn make_threading(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "threading", THREADING_SOURCE)
}

/// `queue`
pub fn make_queue(vm: &mut Vm) -> PyResult<Arc<Module>> {
    embedded(vm, "queue", QUEUE_SOURCE)
}

fn embedded(vm: &mut Vm, name: &str, source: &str) -> PyResult<Arc<Module>> {
    super::inittab::run_python(vm, name, source)
}

fn native_class(
    vm: &mut Vm,
    name: &str,
    full: &'static str,
    methods: &[(&'static str, NativeFn)],
) -> Arc<crate::object::value::Class> {
    let module = full.split('.').next().unwrap_or("_thread");
    let object = vm.types().object.clone();
    let class = crate::builtins::file::new_class(name, module, Some(&object), BuiltinType::Native);
    for &(n, f) in methods {
        dict_set_str(vm, &class.dict, n, native(n, f));
    }
    let gil = vm.gil();
    vm.types()
        .natives
        .borrow_mut(gil)
        .insert(full, class.clone());
    class
}

fn allocate_lock(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "allocate_lock", a, kw, 0, 0)?;
    Ok(lock::new_lock())
}

fn get_ident(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "get_ident", a, kw, 0, 0)?;
    Ok(Value::Int(vm.thread_gil().id() as i64))
}

fn main_ident(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "main_ident", a, kw, 0, 0)?;
    let id = vm
        .interp
        .threads
        .main_ident()
        .unwrap_or_else(|| vm.thread_gil().id());
    Ok(Value::Int(id as i64))
}

fn count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "_count", a, kw, 0, 0)?;
    Ok(Value::Int(vm.interp.threads.count() as i64 - 1))
}
