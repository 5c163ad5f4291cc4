//! The `posix` module (CPython's name for it): process info and the basic file-system calls,
//! with the descriptor calls of `os_fd.rs` and the rest of `os_fs.rs`. `os` itself is
//! `lib/os.py` over this module, as in CPython.

use std::sync::Arc;

use crate::os_fs::fs_call;
use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, new_module};
use gilvm_vm::object::args::{self, Kwargs, Params};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{Module, PyBytes, Value};

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "posix");
    add_fns(
        vm,
        &m,
        &[
            ("_exit", os_exit),
            ("getpid", getpid),
            ("getppid", getppid),
            ("cpu_count", cpu_count),
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("remove", remove),
            ("unlink", remove),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("rename", crate::os_fs::rename),
            ("replace", crate::os_fs::rename),
            ("urandom", urandom),
        ],
    );
    crate::os_fd::add(vm, &m);
    crate::os_fs::add(vm, &m);
    m
}

/// `os._exit(status)`: end the process at once, as CPython's: no `finally`, no atexit, no flush
/// of the program's buffered output.
fn os_exit(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let status = match (a, kw.iter().find(|(k, _)| k.as_str() == "status")) {
        ([], None) => {
            return Err(vm.type_error("_exit() missing required argument 'status' (pos 1)"))
        }
        ([], Some((_, v))) => v.clone(),
        _ => args::one(vm, "_exit", a, kw)?.clone(),
    };
    let n = gilvm_vm::builtins::to_index(vm, &status)?;
    let Ok(n) = i32::try_from(n) else {
        return Err(vm.new_error(
            &vm.types().overflow_error.clone(),
            "Python int too large to convert to C int",
        ));
    };
    // SAFETY: _exit(2) only ends the process; it touches no memory of ours.
    unsafe { libc::_exit(n) }
}

fn getpid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getpid", a, kw)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getppid", a, kw)?;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let ppid = stat
        .rfind(')')
        .and_then(|i| stat[i + 1..].split_whitespace().nth(1))
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    Ok(Value::Int(ppid))
}

fn cpu_count(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "cpu_count", a, kw)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn getcwd(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getcwd", a, kw)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::str(p.display().to_string())),
        Err(e) => Err(os_error(vm, IoFail::Os(e), None)),
    }
}

fn path_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    crate::os_fs::path_of(vm, v, fname)
}

fn chdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "chdir", a, kw)?;
    let p = path_arg(vm, v, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, IoFail::Os(e), Some(&p)))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "listdir", a, kw, 0, 1)?;
    let p = match a.first() {
        Some(v) => path_arg(vm, v, "listdir")?,
        None => ".".to_string(),
    };
    let names = fs_call(vm, &p, |p| {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(p)? {
            names.push(entry?.file_name().to_string_lossy().into_owned());
        }
        Ok(names)
    })?;
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn remove(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "remove", a, kw)?;
    let p = path_arg(vm, v, "remove")?;
    fs_call(vm, &p, |p| std::fs::remove_file(p))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "mkdir",
        names: &["path", "mode", "dir_fd"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_arg(vm, &v, "mkdir")?;
    let mode = match &s[1] {
        Some(m) => gilvm_vm::builtins::to_index(vm, m)? as u32,
        None => 0o777,
    };
    fs_call(vm, &p, move |p| {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().mode(mode).create(p)
    })?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "rmdir", a, kw)?;
    let p = path_arg(vm, v, "rmdir")?;
    fs_call(vm, &p, |p| std::fs::remove_dir(p))?;
    Ok(Value::None)
}

/// `n` random bytes from the OS.
pub fn random_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if !ok {
        // Fall back to the clock (not cryptographic; only used when /dev/urandom is missing).
        let mut x = crate::time::monotonic_nanos() as u64 ^ std::process::id() as u64;
        for b in buf.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
    buf
}

fn urandom(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "urandom", a, kw)?;
    let n = gilvm_vm::builtins::to_index(vm, v)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    vm.check_alloc(usize::try_from(n).unwrap_or(usize::MAX), 1)?;
    Ok(Value::Bytes(Arc::new(PyBytes {
        data: random_bytes(n as usize).into_boxed_slice(),
    })))
}
