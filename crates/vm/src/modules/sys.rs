//! The `sys` module.

use std::sync::Arc;

use super::{add_fns, new_module, set};
use crate::builtins::{file::std_stream, to_f64, to_index};
use crate::interp::vm::Vm;
use crate::object::args::{self, Kwargs};
use crate::object::error::PyResult;
use crate::object::value::{Module, Value};

/// The CPython version gilvm follows.
pub const VERSION: (i64, i64, i64) = (3, 11, 0);

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "sys");
    add_fns(
        vm,
        &m,
        &[
            ("exit", exit),
            ("exc_info", super::sys_exc::exc_info),
            ("exception", super::sys_exc::exception),
            ("setswitchinterval", setswitchinterval),
            ("getswitchinterval", getswitchinterval),
            ("setrecursionlimit", setrecursionlimit),
            ("getrecursionlimit", getrecursionlimit),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("intern", intern),
            ("audit", audit),
        ],
    );
    let argv: Vec<Value> = vm
        .interp
        .config
        .argv
        .iter()
        .map(|s| Value::str(s.as_str()))
        .collect();
    set(vm, &m, "argv", Value::list(argv));
    set(vm, &m, "stdin", std_stream(0));
    set(vm, &m, "stdout", std_stream(1));
    set(vm, &m, "stderr", std_stream(2));
    set(vm, &m, "__stdin__", std_stream(0));
    set(vm, &m, "__stdout__", std_stream(1));
    set(vm, &m, "__stderr__", std_stream(2));
    set(vm, &m, "maxsize", Value::Int(i64::MAX));
    set(vm, &m, "maxunicode", Value::Int(0x10ffff));
    let (major, minor, micro) = VERSION;
    set(
        vm,
        &m,
        "version",
        Value::str(format!(
            "{major}.{minor}.{micro} (gilvm {})",
            env!("CARGO_PKG_VERSION")
        )),
    );
    let version_info = super::sys_structseq::make(
        vm,
        "sys.version_info",
        &[
            ("major", Value::Int(major)),
            ("minor", Value::Int(minor)),
            ("micro", Value::Int(micro)),
            ("releaselevel", Value::str("final")),
            ("serial", Value::Int(0)),
        ],
    );
    set(vm, &m, "version_info", version_info);
    let int_info = super::sys_structseq::make(
        vm,
        "sys.int_info",
        &[
            ("bits_per_digit", Value::Int(30)),
            ("sizeof_digit", Value::Int(4)),
            ("default_max_str_digits", Value::Int(4300)),
            ("str_digits_check_threshold", Value::Int(640)),
        ],
    );
    set(vm, &m, "int_info", int_info);
    let float_info = super::sys_structseq::make(
        vm,
        "sys.float_info",
        &[
            ("max", Value::Float(f64::MAX)),
            ("max_exp", Value::Int(f64::MAX_EXP as i64)),
            ("max_10_exp", Value::Int(f64::MAX_10_EXP as i64)),
            ("min", Value::Float(f64::MIN_POSITIVE)),
            ("min_exp", Value::Int(f64::MIN_EXP as i64)),
            ("min_10_exp", Value::Int(f64::MIN_10_EXP as i64)),
            ("dig", Value::Int(f64::DIGITS as i64)),
            ("mant_dig", Value::Int(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", Value::Float(f64::EPSILON)),
            ("radix", Value::Int(f64::RADIX as i64)),
            ("rounds", Value::Int(1)),
        ],
    );
    set(vm, &m, "float_info", float_info);
    set(
        vm,
        &m,
        "hexversion",
        Value::Int((major << 24) | (minor << 16) | (micro << 8) | 0xf0),
    );
    set(vm, &m, "platform", Value::str(std::env::consts::OS));
    set(
        vm,
        &m,
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    set(vm, &m, "executable", Value::str(exe));
    let path = crate::import::initial_sys_path(&vm.interp.config)
        .into_iter()
        .map(Value::str)
        .collect();
    set(vm, &m, "path", Value::list(path));
    set(vm, &m, "modules", Value::Dict(vm.interp.modules.clone()));
    set(vm, &m, "meta_path", Value::list(Vec::new()));
    set(vm, &m, "path_hooks", Value::list(Vec::new()));
    set(
        vm,
        &m,
        "path_importer_cache",
        Value::Dict(Default::default()),
    );
    let names: Vec<Value> = super::BUILTIN_NAMES
        .iter()
        .filter(|n| !n.starts_with('_') && !n.contains('.'))
        .chain(["builtins"].iter())
        .map(|n| Value::str(*n))
        .collect();
    set(vm, &m, "builtin_module_names", Value::tuple(names));
    // `sys.implementation.name`: a small namespace module.
    let imp = new_module(vm, "implementation");
    set(vm, &imp, "name", Value::str("gilvm"));
    set(
        vm,
        &imp,
        "version",
        Value::tuple(vec![Value::Int(0), Value::Int(1), Value::Int(0)]),
    );
    set(vm, &m, "implementation", Value::Module(imp));
    m
}

/// `sys.exit([code])`: raises SystemExit(code).
fn exit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "exit", a, kw, 0, 1)?;
    let class = vm.types().system_exit.clone();
    Err(vm.new_error_args(&class, a.to_vec()))
}

fn setswitchinterval(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "setswitchinterval", a, kw)?;
    let x = to_f64(vm, v)?;
    if x.is_nan() || x <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    // Past `Duration::MAX` seconds the interval is as good as off.
    let interval = std::time::Duration::try_from_secs_f64(x).unwrap_or(std::time::Duration::MAX);
    vm.interp.set_switch_interval(interval);
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getswitchinterval", a, kw)?;
    Ok(Value::Float(vm.interp.switch_interval().as_secs_f64()))
}

fn setrecursionlimit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "setrecursionlimit", a, kw)?;
    let n = to_index(vm, v)?;
    if i32::try_from(n).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.interp.set_recursion_limit(n as usize);
    Ok(Value::None)
}

/// `sys.intern(s)`: the str itself (gilvm keeps no table of interned strings).
fn intern(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    match args::one(vm, "intern", a, kw)? {
        s @ Value::Str(_) => Ok(s.clone()),
        other => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// `sys.audit(event, *args)`: gilvm has no audit hooks, so this only checks the event name.
fn audit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "audit", kw)?;
    match a.first() {
        Some(Value::Str(_)) => Ok(Value::None),
        Some(other) => Err(vm.type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("audit() missing 1 required positional argument: 'event'")),
    }
}

fn getrecursionlimit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getrecursionlimit", a, kw)?;
    Ok(Value::Int(vm.interp.recursion_limit() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: the limit of int <-> decimal str conversions
/// (0 for none; otherwise at least 640, as CPython's).
fn set_int_max_str_digits(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: crate::object::args::Params = crate::object::args::Params {
        name: "set_int_max_str_digits",
        names: &["maxdigits"],
        positional: 1,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let n = crate::builtins::to_index(vm, s[0].as_ref().unwrap_or(&Value::None))?;
    if n != 0 && !(640..).contains(&n) {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::protocol::bigint::MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}

/// `sys.get_int_max_str_digits()`.
fn get_int_max_str_digits(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "get_int_max_str_digits", a, kw)?;
    let n = crate::protocol::bigint::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
    Ok(Value::Int(n as i64))
}
