//! Weak references (`weakref.ref`): a reference that does not keep its referent alive, built
//! on `std::sync::Weak` of the referent's `Arc` (so objects pay nothing for being weakly
//! referable). Callbacks: a ref made with one is registered under its referent's address; an
//! instance's drop ([`referent_died`], one relaxed load while no callback exists) queues the
//! live refs registered for it and asks for the running thread's attention, and the eval loop's
//! slow path runs them ([`run_pending`]) before the next instruction, as CPython runs them when
//! the last reference goes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, Weak};

use parking_lot::Mutex;
use rustc_hash::FxHashMap;

use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{Class, Function, Instance, Module, NativeObject, Value};
use crate::Vm;

/// What a weak reference points at.
#[derive(Debug)]
pub enum WeakTarget {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Module(Weak<Module>),
    Set(Weak<crate::object::value::Set>),
}

/// A `weakref.ReferenceType` object.
#[derive(Debug)]
pub struct WeakRef {
    pub target: WeakTarget,
    pub callback: Option<Value>,
    /// The referent's hash, kept once computed (a dead ref still hashes).
    pub hash: GilCell<Option<u64>>,
    /// The referent's address (for `repr` and the callback registry).
    pub addr: usize,
}

impl NativeObject for WeakRef {
    fn type_name(&self) -> &'static str {
        "weakref.ReferenceType"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl WeakRef {
    /// The referent, if it is alive.
    pub fn get(&self) -> Option<Value> {
        match &self.target {
            WeakTarget::Instance(w) => w.upgrade().map(Value::Instance),
            WeakTarget::Function(w) => w.upgrade().map(Value::Function),
            WeakTarget::Class(w) => w.upgrade().map(Value::Class),
            WeakTarget::Module(w) => w.upgrade().map(Value::Module),
            WeakTarget::Set(w) => w.upgrade().map(Value::Set),
        }
    }
}

type RefHandle = Weak<Box<dyn NativeObject>>;

/// Set once a ref with a callback exists: until then instance drops do not look further.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Refs with callbacks, by referent address.
static REGISTRY: Mutex<Option<FxHashMap<usize, Vec<RefHandle>>>> = Mutex::new(None);
/// Refs whose referent died, waiting for their callback to run.
static PENDING: Mutex<Vec<Arc<Box<dyn NativeObject>>>> = Mutex::new(Vec::new());
static HAS_PENDING: AtomicBool = AtomicBool::new(false);
/// The callback-less ref of each referent: `ref(o)` hands it out again while it lives (CPython
/// reuses it too, so `ref(o) is ref(o)`). Pruned of dead entries as it grows.
static PLAIN: Mutex<Option<(FxHashMap<usize, RefHandle>, usize)>> = Mutex::new(None);

/// The live callback-less ref to the object at `addr`, if there is one.
fn plain_ref(addr: usize) -> Option<Arc<Box<dyn NativeObject>>> {
    let guard = PLAIN.lock();
    let r = guard.as_ref()?.0.get(&addr)?.upgrade()?;
    let w = r.as_any().downcast_ref::<WeakRef>()?;
    let alive = w
        .get()
        .is_some_and(|v| crate::object::key::object_id(&v) == addr);
    alive.then_some(r)
}

fn remember_plain(addr: usize, r: &Arc<Box<dyn NativeObject>>) {
    let mut guard = PLAIN.lock();
    let (map, limit) = guard.get_or_insert_with(|| (FxHashMap::default(), 64));
    map.insert(addr, Arc::downgrade(r));
    if map.len() > *limit {
        map.retain(|_, h| {
            h.upgrade().is_some_and(|r| {
                r.as_any()
                    .downcast_ref::<WeakRef>()
                    .is_some_and(|w| w.get().is_some())
            })
        });
        *limit = (map.len() * 2).max(64);
    }
}
/// Asks the running thread's attention (the GIL's eval breaker) when a callback is due.
type Attention = Box<dyn Fn() + Send + Sync>;
static ATTENTION: OnceLock<Attention> = OnceLock::new();

/// `weakref.ref(obj, callback=None)`.
pub fn new_ref(vm: &mut Vm, obj: &Value, callback: Option<Value>) -> PyResult<Value> {
    let (target, addr) = match obj {
        Value::Instance(i) if !is_builtin_exception(vm, &i.class) && slots_allow(&i.class) => (
            WeakTarget::Instance(Arc::downgrade(i)),
            Arc::as_ptr(i) as usize,
        ),
        Value::Function(f) => (
            WeakTarget::Function(Arc::downgrade(f)),
            Arc::as_ptr(f) as usize,
        ),
        Value::Class(c) => (
            WeakTarget::Class(Arc::downgrade(c)),
            Arc::as_ptr(c) as usize,
        ),
        Value::Module(m) => (
            WeakTarget::Module(Arc::downgrade(m)),
            Arc::as_ptr(m) as usize,
        ),
        Value::Set(s) => (WeakTarget::Set(Arc::downgrade(s)), Arc::as_ptr(s) as usize),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
        }
    };
    let callback = callback.filter(|c| !c.is_none());
    let has_callback = callback.is_some();
    if !has_callback {
        if let Some(r) = plain_ref(addr) {
            return Ok(Value::Native(r));
        }
    }
    let r: Arc<Box<dyn NativeObject>> = Arc::new(Box::new(WeakRef {
        target,
        callback,
        hash: GilCell::new(None),
        addr,
    }));
    if !has_callback {
        remember_plain(addr, &r);
    } else if matches!(obj, Value::Instance(_)) {
        {
            let gil = vm.interp.gil.clone();
            let _ = ATTENTION.set(Box::new(move || gil.request_attention()));
            let mut reg = REGISTRY.lock();
            reg.get_or_insert_with(FxHashMap::default)
                .entry(addr)
                .or_default()
                .push(Arc::downgrade(&r));
            ACTIVE.store(true, Ordering::Release);
        }
    }
    Ok(Value::Native(r))
}

/// A class whose instances have only `__slots__` takes weak references only when one of them
/// is `'__weakref__'`.
fn slots_allow(class: &Class) -> bool {
    class
        .slots
        .as_ref()
        .is_none_or(|names| names.iter().any(|n| n.as_str() == "__weakref__"))
}

/// Instances of the built-in exception classes take no weak references (as in CPython, where
/// only their subclasses defined in Python do).
fn is_builtin_exception(vm: &Vm, class: &Class) -> bool {
    class.builtin == crate::object::value::BuiltinType::Exception
        && !crate::object::class::is_user_class(class, vm.gil())
}

/// Called by an instance's drop: queue the callbacks registered for it.
#[inline]
pub fn referent_died(addr: usize) {
    if !ACTIVE.load(Ordering::Relaxed) {
        return;
    }
    died_slow(addr);
}

#[cold]
fn died_slow(addr: usize) {
    let handles = match REGISTRY.lock().as_mut().and_then(|r| r.remove(&addr)) {
        Some(h) => h,
        None => return,
    };
    let live: Vec<_> = handles.iter().filter_map(Weak::upgrade).collect();
    if live.is_empty() {
        return;
    }
    PENDING.lock().extend(live.into_iter().rev());
    HAS_PENDING.store(true, Ordering::Release);
    if let Some(attention) = ATTENTION.get() {
        attention();
    }
}

/// Are callbacks waiting?
#[inline]
pub fn has_pending() -> bool {
    HAS_PENDING.load(Ordering::Relaxed)
}

/// Run the callbacks of refs whose referents died (an error in one is printed as CPython's
/// "Exception ignored in" and the others still run).
pub fn run_pending(vm: &mut Vm) {
    loop {
        let batch: Vec<_> = {
            let mut p = PENDING.lock();
            if p.is_empty() {
                HAS_PENDING.store(false, Ordering::Release);
                return;
            }
            std::mem::take(&mut *p)
        };
        for r in batch {
            let cb = r
                .as_any()
                .downcast_ref::<WeakRef>()
                .and_then(|w| w.callback.clone());
            let Some(cb) = cb else { continue };
            if let Err(e) = vm.call(&cb, &[Value::Native(r.clone())]) {
                let what = vm.repr(&cb).unwrap_or_default();
                let text = vm.format_exception(&e);
                eprint!("Exception ignored in: {what}\n{text}");
            }
        }
    }
}

/// How many weak references point at `obj` (`weakref.getweakrefcount`).
pub fn weak_count(obj: &Value) -> usize {
    match obj {
        Value::Instance(i) => Arc::weak_count(i),
        Value::Function(f) => Arc::weak_count(f),
        Value::Class(c) => Arc::weak_count(c),
        Value::Module(m) => Arc::weak_count(m),
        Value::Set(s) => Arc::weak_count(s),
        _ => 0,
    }
}
