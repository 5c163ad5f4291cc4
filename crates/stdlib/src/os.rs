//! The `os` module (process info, environment, a few file-system calls) and `os.path`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gilvm_vm::builtins::file::{os_error, IoFail};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs, Params};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::gilcell::GilCell;
use gilvm_vm::object::value::{DictMap, Module, PyBytes, Value};
use gilvm_vm::runtime::blocking::blocking;

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "os");
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
            ("getenv", getenv),
            ("listdir", listdir),
            ("remove", remove),
            ("unlink", remove),
            ("mkdir", mkdir),
            ("makedirs", makedirs),
            ("rmdir", rmdir),
            ("rename", rename),
            ("urandom", urandom),
        ],
    );
    crate::os_fd::add(vm, &m);
    set(vm, &m, "name", Value::str("posix"));
    set(vm, &m, "sep", Value::str("/"));
    set(vm, &m, "altsep", Value::None);
    set(vm, &m, "extsep", Value::str("."));
    set(vm, &m, "pathsep", Value::str(":"));
    set(vm, &m, "linesep", Value::str("\n"));
    set(vm, &m, "curdir", Value::str("."));
    set(vm, &m, "pardir", Value::str(".."));
    set(vm, &m, "devnull", Value::str("/dev/null"));
    // os.environ: a snapshot dict (changes do not reach the process environment).
    let mut env = DictMap::default();
    for (k, v) in std::env::vars() {
        if let Ok(key) = vm.key(Value::str(k)) {
            env.insert(key, Value::str(v));
        }
    }
    set(vm, &m, "environ", Value::Dict(Arc::new(GilCell::new(env))));
    let path = match vm.import("os.path") {
        Ok(p) => Value::Module(p),
        Err(_) => Value::Module(make_path(vm)),
    };
    set(vm, &m, "path", path);
    m
}

pub fn make_path(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "posixpath");
    add_fns(
        vm,
        &m,
        &[
            ("join", join),
            ("exists", exists),
            ("isfile", isfile),
            ("isdir", isdir),
            ("basename", basename),
            ("dirname", dirname),
            ("abspath", abspath),
            ("split", split),
            ("splitext", splitext),
            ("getsize", getsize),
        ],
    );
    set(vm, &m, "sep", Value::str("/"));
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

fn path_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(other)
        ))),
    }
}

fn chdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "chdir", a, kw)?;
    let p = path_arg(vm, v, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, IoFail::Os(e), Some(&p)))?;
    Ok(Value::None)
}

fn getenv(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "getenv",
        names: &["key", "default"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let key = match &s[0] {
        Some(Value::Str(k)) => k.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!("str expected, not {}", vm.type_name(other))))
        }
        None => String::new(),
    };
    Ok(match std::env::var(&key) {
        Ok(v) => Value::str(v),
        Err(_) => s[1].clone().unwrap_or_default(),
    })
}

fn fs_call<T: Send>(
    vm: &mut Vm,
    path: &str,
    f: impl FnOnce(&Path) -> std::io::Result<T> + Send,
) -> PyResult<T> {
    let p = PathBuf::from(path);
    let r = blocking(vm, move || f(&p));
    r.map_err(|e| os_error(vm, IoFail::Os(e), Some(path)))
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
    args::count(vm, "mkdir", a, kw, 1, 2)?;
    let p = path_arg(vm, &a[0], "mkdir")?;
    fs_call(vm, &p, |p| std::fs::create_dir(p))?;
    Ok(Value::None)
}

fn makedirs(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "makedirs",
        names: &["name", "mode", "exist_ok"],
        positional: 3,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let p = path_arg(vm, s[0].as_ref().unwrap_or(&Value::None), "makedirs")?;
    let exist_ok = match &s[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !exist_ok && Path::new(&p).exists() {
        let e = std::io::Error::from_raw_os_error(17);
        return Err(os_error(vm, IoFail::Os(e), Some(&p)));
    }
    fs_call(vm, &p, |p| std::fs::create_dir_all(p))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "rmdir", a, kw)?;
    let p = path_arg(vm, v, "rmdir")?;
    fs_call(vm, &p, |p| std::fs::remove_dir(p))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "rename", a, kw, 2, 2)?;
    let src = path_arg(vm, &a[0], "rename")?;
    let dst = path_arg(vm, &a[1], "rename")?;
    fs_call(vm, &src, move |p| std::fs::rename(p, dst))?;
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

// ---- os.path ----

fn join(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "join", kw)?;
    if a.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut out = String::new();
    for v in a {
        let part = path_arg(vm, v, "join")?;
        if part.starts_with('/') {
            out = part;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&part);
        } else {
            out.push('/');
            out.push_str(&part);
        }
    }
    Ok(Value::str(out))
}

fn path_pred(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    name: &str,
    f: fn(&Path) -> bool,
) -> PyResult<Value> {
    let v = args::one(vm, name, a, kw)?;
    let p = match v {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Ok(Value::Bool(false)),
    };
    Ok(Value::Bool(blocking(vm, move || f(Path::new(&p)))))
}

fn exists(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    path_pred(vm, a, kw, "exists", |p| p.exists())
}
fn isfile(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    path_pred(vm, a, kw, "isfile", |p| p.is_file())
}
fn isdir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    path_pred(vm, a, kw, "isdir", |p| p.is_dir())
}

/// posixpath.split: (head, tail) around the last '/', head without trailing slashes unless it
/// is all slashes.
fn split_path(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() {
        head.to_string()
    } else {
        trimmed.to_string()
    };
    (head, tail.to_string())
}

fn basename(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "basename", a, kw)?;
    let p = path_arg(vm, v, "basename")?;
    Ok(Value::str(split_path(&p).1))
}

fn dirname(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "dirname", a, kw)?;
    let p = path_arg(vm, v, "dirname")?;
    Ok(Value::str(split_path(&p).0))
}

fn split(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "split", a, kw)?;
    let p = path_arg(vm, v, "split")?;
    let (h, t) = split_path(&p);
    Ok(Value::tuple(vec![Value::str(h), Value::str(t)]))
}

fn splitext(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "splitext", a, kw)?;
    let p = path_arg(vm, v, "splitext")?;
    let name_start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let name = &p[name_start..];
    let lead_dots = name.len() - name.trim_start_matches('.').len();
    let (root, ext) = match name.rfind('.') {
        Some(i) if i >= lead_dots && i > 0 => (
            p[..name_start + i].to_string(),
            p[name_start + i..].to_string(),
        ),
        _ => (p.clone(), String::new()),
    };
    Ok(Value::tuple(vec![Value::str(root), Value::str(ext)]))
}

fn abspath(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "abspath", a, kw)?;
    let p = path_arg(vm, v, "abspath")?;
    let full = if p.starts_with('/') {
        PathBuf::from(&p)
    } else {
        std::env::current_dir().unwrap_or_default().join(&p)
    };
    // Normalise "." and ".." like posixpath.normpath.
    let mut parts: Vec<String> = Vec::new();
    for comp in full.to_string_lossy().split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c.to_string()),
        }
    }
    Ok(Value::str(format!("/{}", parts.join("/"))))
}

fn getsize(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "getsize", a, kw)?;
    let p = path_arg(vm, v, "getsize")?;
    let n = fs_call(vm, &p, |p| std::fs::metadata(p).map(|m| m.len()))?;
    Ok(Value::Int(n as i64))
}

#[cfg(test)]
mod tests {
    use super::split_path;

    #[test]
    fn split_like_posixpath() {
        assert_eq!(split_path("/a/b/c.txt"), ("/a/b".into(), "c.txt".into()));
        assert_eq!(split_path("c.txt"), ("".into(), "c.txt".into()));
        assert_eq!(split_path("/c"), ("/".into(), "c".into()));
        assert_eq!(split_path("a/b/"), ("a/b".into(), "".into()));
    }
}
