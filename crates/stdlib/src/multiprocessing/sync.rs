//! Lock, RLock, Semaphore, Event, Value and Array across processes, all in shared memory
//! ([`Region`], the one module with unsafe code).
//!
//! Layout of a region (8-byte words, accessed only through atomics):
//! - byte 0: the u32 lock word (0 free, 1 held) of a Lock, RLock or synchronized Value/Array;
//!   the u32 count of a Semaphore; the u32 flag of an Event;
//! - byte 8: the u64 owner of an RLock (pid << 32 | thread number), 0 when free;
//! - byte 16: the u32 recursion count of an RLock;
//! - byte 64 on: the slots of a Value (one) or an Array (`len`): i64, or f64 bits for 'd'/'f'.
//!
//! Waiting is a bounded spin, then yields, then sleeps growing from 50 µs to 1 ms (no futex:
//! portable and free of unsafe code beyond the mapping); every wait goes through the blocking
//! gateway so the GIL is released while a process waits for another.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::shm::Region;
use super::wire::ShmKind;
use super::{deadline_after, handle_arg, timeout_arg, wait_interruptibly};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::args::Kwargs;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{NativeObject, Value};

pub const DATA: usize = 64;

#[derive(Debug)]
pub struct ShmObj {
    pub region: Arc<Region>,
    pub kind: ShmKind,
}

impl NativeObject for ShmObj {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.ShmHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// This thread's identity for RLock ownership: pid in the high half, a thread number below.
fn me() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local!(static ID: u64 = NEXT.fetch_add(1, Ordering::Relaxed));
    ((std::process::id() as u64) << 32) | ID.with(|id| *id & 0xffff_ffff)
}

/// Wait until `ready()` succeeds or the deadline passes (spin, yield, then growing sleeps of
/// at most 1 ms: the state is a word in shared memory, with nothing to be woken by), or `stop`
/// asks (a Ctrl-C, noticed within the same 1 ms).
fn wait_until(
    mut ready: impl FnMut() -> bool,
    deadline: Option<Instant>,
    stop: &gilvm_vm::runtime::interrupt::Stop,
) -> bool {
    let mut round = 0u32;
    let mut sleep = Duration::from_micros(50);
    loop {
        if ready() {
            return true;
        }
        if stop.requested() || deadline.is_some_and(|d| Instant::now() >= d) {
            return false;
        }
        round += 1;
        if round < 64 {
            std::hint::spin_loop();
        } else if round < 80 {
            std::thread::yield_now();
        } else {
            let mut nap = sleep;
            if let Some(d) = deadline {
                nap = nap.min(d.saturating_duration_since(Instant::now()));
            }
            std::thread::sleep(nap);
            sleep = (sleep * 2).min(Duration::from_millis(1));
        }
    }
}

impl ShmObj {
    fn try_acquire(&self) -> bool {
        let r = &self.region;
        match self.kind {
            ShmKind::Semaphore { .. } => {
                let w = r.word32(0);
                let mut c = w.load(Ordering::Acquire);
                while c > 0 {
                    match w.compare_exchange_weak(c, c - 1, Ordering::AcqRel, Ordering::Acquire) {
                        Ok(_) => return true,
                        Err(now) => c = now,
                    }
                }
                false
            }
            ShmKind::RLock | ShmKind::Value { .. } | ShmKind::Array { .. } => {
                let me = me();
                if r.word(8).load(Ordering::Acquire) == me {
                    r.word32(16).fetch_add(1, Ordering::Relaxed);
                    return true;
                }
                if r.word32(0)
                    .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                    .is_ok()
                {
                    r.word(8).store(me, Ordering::Release);
                    r.word32(16).store(1, Ordering::Relaxed);
                    true
                } else {
                    false
                }
            }
            _ => r
                .word32(0)
                .compare_exchange(0, 1, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok(),
        }
    }

    /// Release; `Err(message)` when not held.
    fn release(&self) -> Result<(), &'static str> {
        let r = &self.region;
        match self.kind {
            ShmKind::Semaphore { bound } => {
                let w = r.word32(0);
                let mut c = w.load(Ordering::Acquire);
                loop {
                    if bound.is_some_and(|b| c >= b) {
                        return Err("semaphore or lock released too many times");
                    }
                    match w.compare_exchange_weak(c, c + 1, Ordering::AcqRel, Ordering::Acquire) {
                        Ok(_) => return Ok(()),
                        Err(now) => c = now,
                    }
                }
            }
            ShmKind::RLock | ShmKind::Value { .. } | ShmKind::Array { .. } => {
                if r.word(8).load(Ordering::Acquire) != me() {
                    return Err("attempt to release recursive lock not owned by thread");
                }
                let count = r.word32(16).load(Ordering::Relaxed);
                if count > 1 {
                    r.word32(16).store(count - 1, Ordering::Relaxed);
                } else {
                    r.word32(16).store(0, Ordering::Relaxed);
                    r.word(8).store(0, Ordering::Release);
                    r.word32(0).store(0, Ordering::Release);
                }
                Ok(())
            }
            _ => {
                if r.word32(0)
                    .compare_exchange(1, 0, Ordering::AcqRel, Ordering::Relaxed)
                    .is_err()
                {
                    return Err("semaphore or lock released too many times");
                }
                Ok(())
            }
        }
    }

    fn slots(&self) -> usize {
        match self.kind {
            ShmKind::Value { .. } => 1,
            ShmKind::Array { len, .. } => len as usize,
            _ => 0,
        }
    }

    fn typecode(&self) -> char {
        match self.kind {
            ShmKind::Value { typecode, .. } | ShmKind::Array { typecode, .. } => typecode,
            _ => 'i',
        }
    }
}

fn new_region(vm: &Vm, len: usize) -> PyResult<Arc<Region>> {
    Region::create(len).map(Arc::new).map_err(|e| {
        let os_error = vm.types().os_error.clone();
        vm.new_error(&os_error, format!("cannot create shared memory: {e}"))
    })
}

fn wrap(region: Arc<Region>, kind: ShmKind) -> Value {
    Value::Native(Arc::new(Box::new(ShmObj { region, kind })))
}

fn obj<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a ShmObj> {
    handle_arg::<ShmObj>(vm, a, 0, "shared object")
}

/// `sync_new(kind, value=1, bound=None)`: kind is "lock", "rlock", "semaphore" or "event".
pub fn sync_new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let kind = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(vm.type_error("sync_new: kind")),
    };
    let region = new_region(vm, DATA)?;
    let kind = match kind.as_str() {
        "lock" => ShmKind::Lock,
        "rlock" => ShmKind::RLock,
        "event" => ShmKind::Event,
        _ => {
            let value = match a.get(1) {
                Some(Value::Int(n)) if *n >= 0 && *n <= u32::MAX as i64 => *n as u32,
                Some(Value::Int(_)) => {
                    return Err(vm.value_error("semaphore initial value must be >= 0"))
                }
                _ => 1,
            };
            region.word32(0).store(value, Ordering::Release);
            let bound = match a.get(2) {
                Some(Value::Bool(true)) => Some(value),
                _ => None,
            };
            ShmKind::Semaphore { bound }
        }
    };
    Ok(wrap(region, kind))
}

/// `lock_acquire(h, block=True, timeout=None)` -> bool
pub fn lock_acquire(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    if o.try_acquire() {
        return Ok(Value::Bool(true));
    }
    let block = a.get(1).map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    if !block {
        return Ok(Value::Bool(false));
    }
    let deadline = deadline_after(timeout_arg(vm, a.get(2))?);
    let got = wait_interruptibly(
        vm,
        deadline,
        || {},
        |deadline, stop| wait_until(|| o.try_acquire(), deadline, stop).then_some(true),
    )?;
    Ok(Value::Bool(got == Some(true)))
}

/// `lock_release(h)`
pub fn lock_release(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    match o.release() {
        Ok(()) => Ok(Value::None),
        Err(msg) if msg.starts_with("attempt") => {
            let class = vm
                .types()
                .exceptions
                .iter()
                .find(|c| c.name.as_str() == "AssertionError")
                .cloned()
                .unwrap_or_else(|| vm.types().runtime_error.clone());
            Err(vm.new_error(&class, msg))
        }
        Err(msg) => Err(vm.value_error(msg)),
    }
}

/// `sem_value(h)`
pub fn sem_value(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    Ok(Value::Int(o.region.word32(0).load(Ordering::Acquire) as i64))
}

/// `event_op(h, op, timeout)`: op is "set", "clear", "is_set" or "wait".
pub fn event_op(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    let op = match a.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let flag = o.region.word32(0);
    match op.as_str() {
        "set" => {
            flag.store(1, Ordering::Release);
            Ok(Value::None)
        }
        "clear" => {
            flag.store(0, Ordering::Release);
            Ok(Value::None)
        }
        "is_set" => Ok(Value::Bool(flag.load(Ordering::Acquire) == 1)),
        _ => {
            if flag.load(Ordering::Acquire) == 1 {
                return Ok(Value::Bool(true));
            }
            let deadline = deadline_after(timeout_arg(vm, a.get(2))?);
            let set = wait_interruptibly(
                vm,
                deadline,
                || {},
                |deadline, stop| {
                    wait_until(|| flag.load(Ordering::Acquire) == 1, deadline, stop).then_some(true)
                },
            )?;
            Ok(Value::Bool(set == Some(true)))
        }
    }
}

fn check_typecode(vm: &Vm, v: &Value) -> PyResult<char> {
    let s = match v {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "gilvm's shared Value/Array take a typecode string, not '{}'",
                vm.type_name(other)
            )))
        }
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if "bBhHiIlLqQfd".contains(c) => Ok(c),
        _ => Err(vm.type_error(format!(
            "unsupported typecode '{s}' (gilvm supports b B h H i I l L q Q f d)"
        ))),
    }
}

/// The bits stored for `v` in a slot of type `typecode` (ints wrap to the C type's width, as
/// ctypes does).
fn store_bits(vm: &Vm, typecode: char, v: &Value) -> PyResult<u64> {
    if typecode == 'd' || typecode == 'f' {
        let x = match v {
            Value::Float(x) => *x,
            Value::Int(n) => *n as f64,
            Value::Bool(b) => *b as i64 as f64,
            other => {
                return Err(
                    vm.type_error(format!("must be real number, not {}", vm.type_name(other)))
                )
            }
        };
        let x = if typecode == 'f' { x as f32 as f64 } else { x };
        return Ok(x.to_bits());
    }
    let n = match v {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(vm.type_error(format!("int expected instead of {}", vm.type_name(other))))
        }
    };
    let n = match typecode {
        'b' => n as i8 as i64,
        'B' => n as u8 as i64,
        'h' => n as i16 as i64,
        'H' => n as u16 as i64,
        'i' => n as i32 as i64,
        'I' => n as u32 as i64,
        _ => n,
    };
    Ok(n as u64)
}

fn load_value(typecode: char, bits: u64) -> Value {
    if typecode == 'd' || typecode == 'f' {
        Value::Float(f64::from_bits(bits))
    } else {
        Value::Int(bits as i64)
    }
}

/// `shm_new(typecode, init, lock)`: a Value when `init` is a scalar, an Array when it is a
/// list of initial values or ("size", n).
pub fn shm_new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let typecode = check_typecode(vm, a.first().unwrap_or(&Value::None))?;
    let lock = match a.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let init = a.get(1).cloned().unwrap_or_default();
    let (kind, values) = match &init {
        Value::List(_) => {
            let values = vm.collect(&init)?;
            let len = u32::try_from(values.len())
                .map_err(|_| vm.value_error("shared array too large"))?;
            (
                ShmKind::Array {
                    typecode,
                    len,
                    lock,
                },
                values,
            )
        }
        _ => (ShmKind::Value { typecode, lock }, vec![init]),
    };
    let mut bits = Vec::with_capacity(values.len());
    for v in &values {
        bits.push(store_bits(vm, typecode, v)?);
    }
    let region = new_region(vm, DATA + 8 * bits.len())?;
    for (i, b) in bits.into_iter().enumerate() {
        region.word(DATA + 8 * i).store(b, Ordering::Release);
    }
    Ok(wrap(region, kind))
}

fn index(vm: &Vm, o: &ShmObj, v: Option<&Value>) -> PyResult<usize> {
    let n = o.slots() as i64;
    let i = match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        None => 0,
        Some(other) => {
            return Err(vm.type_error(format!(
                "array indices must be integers, not {}",
                vm.type_name(other)
            )))
        }
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("invalid index"));
    }
    Ok(j as usize)
}

/// `shm_get(h, i=0)`
pub fn shm_get(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    let i = index(vm, o, a.get(1))?;
    let bits = o.region.word(DATA + 8 * i).load(Ordering::Acquire);
    Ok(load_value(o.typecode(), bits))
}

/// `shm_set(h, i, v)`
pub fn shm_set(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    let i = index(vm, o, a.get(1))?;
    let bits = store_bits(vm, o.typecode(), a.get(2).unwrap_or(&Value::None))?;
    o.region.word(DATA + 8 * i).store(bits, Ordering::Release);
    Ok(Value::None)
}

/// `shm_list(h)`: all slots as a list.
pub fn shm_list(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    let tc = o.typecode();
    let items = (0..o.slots())
        .map(|i| load_value(tc, o.region.word(DATA + 8 * i).load(Ordering::Acquire)))
        .collect();
    Ok(Value::list(items))
}

/// `shm_info(h)` -> (typecode, length, has_lock)
pub fn shm_info(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    let lock = match o.kind {
        ShmKind::Value { lock, .. } | ShmKind::Array { lock, .. } => lock,
        _ => false,
    };
    Ok(Value::tuple(vec![
        Value::str(o.typecode().to_string()),
        Value::Int(o.slots() as i64),
        Value::Bool(lock),
    ]))
}

/// `shm_lockview(h)`: the RLock at the head of a synchronized Value/Array.
pub fn shm_lockview(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let o = obj(vm, a)?;
    Ok(wrap(o.region.clone(), ShmKind::RLock))
}
