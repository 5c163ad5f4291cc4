//! The `posix` module's file-system calls beyond the basics of `os.rs`: `stat`/`lstat`/`fstat`
//! (as a plain tuple that os.py's `stat_result` wraps), `open`, `_scandir` (names with their `d_type`),
//! `chmod`, `_statvfs`, `utime`, `symlink`, `readlink`, `link`, `access`, `truncate`, `umask`, the
//! environment (`putenv`, `unsetenv`, `_environ`) and ids. Every call that touches the file
//! system runs with the GIL released ([`blocking`]). Errors are CPython's: the OSError subclass
//! of the errno, "[Errno N] text: 'name'" (and "-> 'other'" for the two-path calls).

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gilvm_vm::builtins::file::{fspath, os_error, IoFail};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{add_fns, set};
use gilvm_vm::object::args::{self, Kwargs, Params};
use gilvm_vm::object::error::{PyErr, PyResult};
use gilvm_vm::object::gilcell::GilCell;
use gilvm_vm::object::value::{DictMap, Module, Value};
use gilvm_vm::runtime::blocking::blocking;

/// Add the calls to the `posix` module `m`.
pub fn add(vm: &mut Vm, m: &Arc<Module>) {
    add_fns(
        vm,
        m,
        &[
            ("open", open),
            ("stat", stat),
            ("lstat", lstat),
            ("fstat", fstat),
            ("_scandir", scandir),
            ("chmod", chmod),
            ("_statvfs", statvfs),
            ("utime", utime),
            ("symlink", symlink),
            ("readlink", readlink),
            ("link", link),
            ("access", access),
            ("truncate", truncate),
            ("umask", umask),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("_environ", environ),
            ("getuid", getuid),
            ("geteuid", geteuid),
            ("getgid", getgid),
            ("getegid", getegid),
        ],
    );
    for (name, v) in [
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ] {
        set(vm, m, name, Value::Int(v));
    }
}

/// A path argument: str, bytes (decoded as UTF-8) or os.PathLike.
pub fn path_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    match fspath(vm, v) {
        Ok(p) if p.contains('\0') => {
            Err(vm.value_error(format!("{fname}: embedded null character in path")))
        }
        Ok(p) => Ok(p),
        Err(_) => Err(vm.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(v)
        ))),
    }
}

/// An OSError naming two files, as CPython's rename/link/symlink: "[Errno 2] text: 'a' -> 'b'".
pub fn os_error2(vm: &mut Vm, e: std::io::Error, src: &str, dst: &str) -> PyErr {
    let single = os_error(vm, IoFail::Os(e), Some(src));
    let value = single.value();
    let class = vm.type_of(&value);
    let errno = vm.get_attr(&value, "errno").unwrap_or_default();
    let strerror = vm.get_attr(&value, "strerror").unwrap_or_default();
    let text = match (&errno, &strerror) {
        (Value::Int(n), Value::Str(s)) => {
            format!(
                "[Errno {n}] {}: {} -> {}",
                s.as_str(),
                quote(src),
                quote(dst)
            )
        }
        _ => return single,
    };
    let err = vm.new_error(&class, text);
    let v = err.value();
    for (name, x) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", Value::str(src)),
        ("filename2", Value::str(dst)),
    ] {
        let _ = vm.set_attr(&v, name, x);
    }
    err
}

fn quote(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// Run `f` on `path` with the GIL released; an error names `path`.
pub fn fs_call<T: Send>(
    vm: &mut Vm,
    path: &str,
    f: impl FnOnce(&Path) -> std::io::Result<T> + Send,
) -> PyResult<T> {
    let p = PathBuf::from(path);
    let r = blocking(vm, move || f(&p));
    r.map_err(|e| os_error(vm, IoFail::Os(e), Some(path)))
}

fn truthy_kw(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// The fields `os.stat_result` is made from, in its order: the ten classic ones (times as
/// floats), then st_atime_ns/st_mtime_ns/st_ctime_ns, st_blksize, st_blocks, st_rdev.
fn stat_tuple(m: &std::fs::Metadata) -> Value {
    let t = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let tns = |s: i64, ns: i64| Value::Int(s * 1_000_000_000 + ns);
    Value::tuple(vec![
        Value::Int(m.mode() as i64),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(m.uid() as i64),
        Value::Int(m.gid() as i64),
        Value::Int(m.size() as i64),
        t(m.atime(), m.atime_nsec()),
        t(m.mtime(), m.mtime_nsec()),
        t(m.ctime(), m.ctime_nsec()),
        tns(m.atime(), m.atime_nsec()),
        tns(m.mtime(), m.mtime_nsec()),
        tns(m.ctime(), m.ctime_nsec()),
        Value::Int(m.blksize() as i64),
        Value::Int(m.blocks() as i64),
        Value::Int(m.rdev() as i64),
    ])
}

const STAT: Params = Params {
    name: "stat",
    names: &["path", "dir_fd", "follow_symlinks"],
    positional: 1,
    positional_only: 0,
    required: 1,
};

fn fstat_of(vm: &mut Vm, fd: i64) -> PyResult<Value> {
    use std::os::fd::{FromRawFd, IntoRawFd};
    let Ok(fd) = i32::try_from(fd) else {
        return Err(vm.overflow_error("fd is greater than maximum"));
    };
    let r = blocking(vm, move || {
        // SAFETY: the File is turned back into the raw fd before it can close it.
        let f = unsafe { std::fs::File::from_raw_fd(fd) };
        let m = f.metadata();
        let _ = f.into_raw_fd();
        m
    });
    match r {
        Ok(m) => Ok(stat_tuple(&m)),
        Err(e) => Err(os_error(vm, IoFail::Os(e), None)),
    }
}

fn stat_common(vm: &mut Vm, a: &[Value], kw: &Kwargs, follow: bool) -> PyResult<Value> {
    let s = STAT.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    if let Value::Int(fd) = v {
        return fstat_of(vm, fd);
    }
    let fname = if follow { "stat" } else { "lstat" };
    let follow = follow && truthy_kw(vm, &s[2], true)?;
    let p = match (fname, path_of(vm, &v, fname)) {
        ("stat", Err(_)) => {
            return Err(vm.type_error(format!(
                "stat: path should be string, bytes, os.PathLike or integer, not {}",
                vm.type_name(&v)
            )))
        }
        (_, r) => r?,
    };
    let m = fs_call(vm, &p, move |p| {
        if follow {
            std::fs::metadata(p)
        } else {
            std::fs::symlink_metadata(p)
        }
    })?;
    Ok(stat_tuple(&m))
}

fn stat(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    stat_common(vm, a, kw, true)
}

fn lstat(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    stat_common(vm, a, kw, false)
}

fn fstat(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "fstat", a, kw)?.clone();
    let fd = gilvm_vm::builtins::to_index(vm, &v)?;
    fstat_of(vm, fd)
}

/// `_scandir(path)`: a list of `(name, kind)` with kind 1 file, 2 directory, 3 symbolic link,
/// 0 anything else — the entry's `d_type`, known without a stat.
fn scandir(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "scandir", a, kw)?.clone();
    let p = path_of(vm, &v, "scandir")?;
    let entries = fs_call(vm, &p, |p| {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(p)? {
            let entry = entry?;
            let kind = match entry.file_type() {
                Ok(t) if t.is_symlink() => 3,
                Ok(t) if t.is_dir() => 2,
                Ok(t) if t.is_file() => 1,
                _ => 0,
            };
            out.push((entry.file_name().to_string_lossy().into_owned(), kind));
        }
        Ok(out)
    })?;
    Ok(Value::list(
        entries
            .into_iter()
            .map(|(n, k)| Value::tuple(vec![Value::str(n), Value::Int(k)]))
            .collect(),
    ))
}

/// `open(path, flags, mode=0o777)`: a raw descriptor (non-inheritable, as CPython's).
fn open(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "open",
        names: &["path", "flags", "mode", "dir_fd"],
        positional: 3,
        positional_only: 0,
        required: 2,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_of(vm, &v, "open")?;
    let flags = gilvm_vm::builtins::to_index(vm, s[1].as_ref().unwrap_or(&Value::None))? as i32;
    let mode = match &s[2] {
        Some(m) => gilvm_vm::builtins::to_index(vm, m)? as libc::c_uint,
        None => 0o777,
    };
    let c = std::ffi::CString::new(p.clone()).map_err(|_| vm.value_error("embedded null byte"))?;
    let r = blocking(vm, move || {
        // SAFETY: c is a valid C string; open(2) only returns a descriptor or -1.
        let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
        if fd < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(fd)
        }
    });
    match r {
        Ok(fd) => Ok(Value::Int(fd as i64)),
        Err(e) => Err(os_error(vm, IoFail::Os(e), Some(&p))),
    }
}

fn chmod(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "chmod",
        names: &["path", "mode", "dir_fd", "follow_symlinks"],
        positional: 2,
        positional_only: 0,
        required: 2,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_of(vm, &v, "chmod")?;
    let mode = gilvm_vm::builtins::to_index(vm, s[1].as_ref().unwrap_or(&Value::None))? as u32;
    if !truthy_kw(vm, &s[3], true)? {
        // Linux has no lchmod, as CPython says there.
        let class = vm.types().exception_by_name("NotImplementedError").cloned();
        let class = class.unwrap_or_else(|| vm.types().os_error.clone());
        return Err(vm.new_error(
            &class,
            "chmod: follow_symlinks unavailable on this platform",
        ));
    }
    fs_call(vm, &p, move |p| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode))
    })?;
    Ok(Value::None)
}

/// `_statvfs(path)`: the ten fields of os.statvfs_result, in its order.
fn statvfs(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "statvfs", a, kw)?.clone();
    let p = path_of(vm, &v, "statvfs")?;
    let c = std::ffi::CString::new(p.clone()).map_err(|_| vm.value_error("embedded null byte"))?;
    let r = blocking(vm, move || {
        // SAFETY: c is a valid C string; st is a plain C struct that statvfs fills.
        let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(c.as_ptr(), &mut st) } < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(st)
        }
    });
    let st = r.map_err(|e| os_error(vm, IoFail::Os(e), Some(&p)))?;
    Ok(Value::tuple(
        [
            st.f_bsize as i64,
            st.f_frsize as i64,
            st.f_blocks as i64,
            st.f_bfree as i64,
            st.f_bavail as i64,
            st.f_files as i64,
            st.f_ffree as i64,
            st.f_favail as i64,
            st.f_flag as i64,
            st.f_namemax as i64,
        ]
        .into_iter()
        .map(Value::Int)
        .collect(),
    ))
}

/// Seconds (int or float) as a (sec, nsec) timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let secs = match v {
        Value::Int(n) => {
            return Ok(libc::timespec {
                tv_sec: *n,
                tv_nsec: 0,
            })
        }
        Value::Float(f) => *f,
        other => {
            return Err(vm.type_error(format!(
                "an integer or float is required, not {}",
                vm.type_name(other)
            )))
        }
    };
    let whole = secs.floor();
    Ok(libc::timespec {
        tv_sec: whole as i64,
        tv_nsec: ((secs - whole) * 1e9).round().min(999_999_999.0) as i64,
    })
}

fn pair(vm: &mut Vm, v: &Value, what: &str) -> PyResult<(Value, Value)> {
    match v {
        Value::Tuple(t) if t.items.len() == 2 => Ok((t.items[0].clone(), t.items[1].clone())),
        _ => Err(vm.type_error(format!(
            "utime: '{what}' must be a tuple of two {}",
            if what == "ns" { "ints" } else { "numbers" }
        ))),
    }
}

/// `utime(path, times=None, *, ns=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "utime",
        names: &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        positional: 2,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_of(vm, &v, "utime")?;
    let follow = truthy_kw(vm, &s[4], true)?;
    let times = match (&s[1], &s[2]) {
        (Some(t), Some(_)) if !matches!(t, Value::None) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (_, Some(ns)) => {
            let (x, y) = pair(vm, ns, "ns")?;
            let mut out = [libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            }; 2];
            for (slot, v) in out.iter_mut().zip([x, y]) {
                let n = gilvm_vm::builtins::to_index(vm, &v)?;
                *slot = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000),
                    tv_nsec: n.rem_euclid(1_000_000_000),
                };
            }
            Some(out)
        }
        (Some(t), None) if !matches!(t, Value::None) => {
            let (x, y) = pair(vm, t, "times")?;
            Some([timespec_of(vm, &x)?, timespec_of(vm, &y)?])
        }
        _ => None,
    };
    let c = std::ffi::CString::new(p.clone()).map_err(|_| vm.value_error("embedded null byte"))?;
    let r = blocking(vm, move || {
        let ptr = times.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        // SAFETY: c is a valid C string; ptr is null or two timespecs that outlive the call.
        if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, flags) } < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(())
        }
    });
    r.map_err(|e| os_error(vm, IoFail::Os(e), Some(&p)))?;
    Ok(Value::None)
}

fn two_paths(
    vm: &mut Vm,
    a: &[Value],
    kw: &Kwargs,
    p: &Params,
) -> PyResult<(String, String, Vec<Option<Value>>)> {
    let s = p.bind(vm, a, kw)?;
    let x = s[0].clone().unwrap_or_default();
    let y = s[1].clone().unwrap_or_default();
    let src = path_of(vm, &x, p.name)?;
    let dst = path_of(vm, &y, p.name)?;
    Ok((src, dst, s))
}

fn run2(
    vm: &mut Vm,
    src: String,
    dst: String,
    f: impl FnOnce(&str, &str) -> std::io::Result<()> + Send,
) -> PyResult<Value> {
    let (s2, d2) = (src.clone(), dst.clone());
    let r = blocking(vm, move || f(&s2, &d2));
    r.map_err(|e| os_error2(vm, e, &src, &dst))?;
    Ok(Value::None)
}

fn symlink(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "symlink",
        names: &["src", "dst", "target_is_directory", "dir_fd"],
        positional: 3,
        positional_only: 0,
        required: 2,
    };
    let (src, dst, _) = two_paths(vm, a, kw, &P)?;
    run2(vm, src, dst, |s, d| std::os::unix::fs::symlink(s, d))
}

fn link(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "link",
        names: &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        positional: 2,
        positional_only: 0,
        required: 2,
    };
    let (src, dst, _) = two_paths(vm, a, kw, &P)?;
    run2(vm, src, dst, |s, d| std::fs::hard_link(s, d))
}

/// `rename`/`replace`: both replace an existing file on POSIX.
pub fn rename(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "rename",
        names: &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        positional: 2,
        positional_only: 0,
        required: 2,
    };
    let (src, dst, _) = two_paths(vm, a, kw, &P)?;
    run2(vm, src, dst, |s, d| std::fs::rename(s, d))
}

fn readlink(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "readlink",
        names: &["path", "dir_fd"],
        positional: 1,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_of(vm, &v, "readlink")?;
    let target = fs_call(vm, &p, |p| std::fs::read_link(p))?;
    Ok(Value::str(target.to_string_lossy().into_owned()))
}

fn access(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const P: Params = Params {
        name: "access",
        names: &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        positional: 2,
        positional_only: 0,
        required: 2,
    };
    let s = P.bind(vm, a, kw)?;
    let v = s[0].clone().unwrap_or_default();
    let p = path_of(vm, &v, "access")?;
    let mode = gilvm_vm::builtins::to_index(vm, s[1].as_ref().unwrap_or(&Value::None))? as i32;
    let Ok(c) = std::ffi::CString::new(p) else {
        return Ok(Value::Bool(false));
    };
    // SAFETY: c is a valid C string.
    let ok = blocking(vm, move || unsafe { libc::access(c.as_ptr(), mode) } == 0);
    Ok(Value::Bool(ok))
}

fn truncate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "truncate", a, kw, 2, 2)?;
    let p = path_of(vm, &a[0], "truncate")?;
    let n = gilvm_vm::builtins::to_index(vm, &a[1])?;
    fs_call(vm, &p, move |p| {
        std::fs::OpenOptions::new()
            .write(true)
            .open(p)?
            .set_len(n.max(0) as u64)
    })?;
    Ok(Value::None)
}

fn umask(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "umask", a, kw)?.clone();
    let mask = gilvm_vm::builtins::to_index(vm, &v)?;
    // SAFETY: umask only sets the process's file mode mask.
    let old = unsafe { libc::umask(mask as libc::mode_t) };
    Ok(Value::Int(old as i64))
}

fn env_str(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    let s = match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.data).into_owned(),
        other => return Err(vm.type_error(format!("str expected, not {}", vm.type_name(other)))),
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    if what == "name" && (s.is_empty() || s.contains('=')) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    Ok(s)
}

/// `putenv(name, value)`: set the process environment (seen by child processes).
fn putenv(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "putenv", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("putenv expected 2 arguments, got {}", a.len())));
    }
    let k = env_str(vm, &a[0], "name")?;
    let v = env_str(vm, &a[1], "value")?;
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "unsetenv", a, kw)?.clone();
    let k = env_str(vm, &v, "name")?;
    std::env::remove_var(k);
    Ok(Value::None)
}

/// `_environ()`: the process environment now, as a dict of str (os.py wraps it).
fn environ(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "_environ", a, kw)?;
    let mut env = DictMap::default();
    for (k, v) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        let v = v.to_string_lossy().into_owned();
        if let Ok(key) = vm.key(Value::str(k)) {
            env.insert(key, Value::str(v));
        }
    }
    Ok(Value::Dict(Arc::new(GilCell::new(env))))
}

fn getuid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getuid", a, kw)?;
    // SAFETY: getuid cannot fail.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn geteuid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "geteuid", a, kw)?;
    // SAFETY: geteuid cannot fail.
    Ok(Value::Int(unsafe { libc::geteuid() } as i64))
}

fn getgid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getgid", a, kw)?;
    // SAFETY: getgid cannot fail.
    Ok(Value::Int(unsafe { libc::getgid() } as i64))
}

fn getegid(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::none(vm, "getegid", a, kw)?;
    // SAFETY: getegid cannot fail.
    Ok(Value::Int(unsafe { libc::getegid() } as i64))
}
