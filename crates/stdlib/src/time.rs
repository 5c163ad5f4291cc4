//! `_time`, the native half of the `time` module (lib/time.py): wall clock, monotonic and CPU clocks, and `sleep`.
//!
//! `monotonic()` / `perf_counter()` count from an arbitrary per-process origin (only their
//! differences are meaningful, as in CPython, but their absolute values differ).
//! `process_time()` reads /proc/self/stat and so has the kernel's clock-tick resolution.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{Module, Value};

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "_time");
    add_fns(
        vm,
        &m,
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("sleep", sleep),
        ],
    );
    m
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

/// Nanoseconds on the monotonic clock since the process's origin (plus one second, so the
/// first reading is not zero).
pub fn monotonic_nanos() -> u128 {
    origin().elapsed().as_nanos() + 1_000_000_000
}

fn time(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "time", a, kw)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "time_ns", a, kw)?;
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn monotonic(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "monotonic", a, kw)?;
    Ok(Value::Float(monotonic_nanos() as f64 / 1e9))
}

fn monotonic_ns(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "monotonic_ns", a, kw)?;
    Ok(Value::Int(monotonic_nanos() as i64))
}

/// CPU time (user + system) of this process in nanoseconds, from /proc/self/stat.
pub fn cpu_nanos() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // fields[0] is field 3 (state): utime is field 14 -> index 11.
    let total = ticks(11) + ticks(12);
    // The kernel's USER_HZ is 100 on Linux.
    total * 10_000_000
}

fn process_time(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "process_time", a, kw)?;
    Ok(Value::Float(cpu_nanos() as f64 / 1e9))
}

fn process_time_ns(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "process_time_ns", a, kw)?;
    Ok(Value::Int(cpu_nanos() as i64))
}

/// `time.sleep(secs)`: sleeps with the GIL released; on the main thread Ctrl-C ends the sleep
/// with KeyboardInterrupt (`Vm::interruptible_sleep`).
fn sleep(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "sleep", a, kw)?;
    let secs = match v {
        Value::Int(n) => *n as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::Float(x) => *x,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let dur = Duration::try_from_secs_f64(secs)
        .map_err(|_| vm.overflow_error("sleep length is too large"))?;
    vm.sandbox_check("time.sleep()")?;
    vm.interruptible_sleep(dur)?;
    Ok(Value::None)
}
