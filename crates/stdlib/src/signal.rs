//! `_signal`: Python-level signal handlers (lib/signal.py adds the enums). `signal(sig,
//! handler)` registers two signal-hook actions for `sig` the first time (both
//! async-signal-safe: record the signal in the VM's pending mask, then write a byte to a
//! self-pipe); a watcher thread reading the pipe asks the running thread for attention
//! (`Interp::wake_for_signal`), and the main thread runs the handler between two
//! instructions (`gilvm_vm::runtime::signals`). SIGINT is already delivered by the CLI as a
//! Ctrl-C; a Python handler for it takes the place of KeyboardInterrupt. SIG_IGN and SIG_DFL
//! after a Python handler are kept in atomic masks that the action reads: ignored, or the
//! default action emulated.

use std::io::Read;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use gilvm_vm::builtins::native;
use gilvm_vm::modules::{add_fns, new_module, set};
use gilvm_vm::object::args::{self, Kwargs};
use gilvm_vm::object::value::Module;
use gilvm_vm::runtime::signals;
use gilvm_vm::{PyResult, Value, Vm};

const NSIG: i32 = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// Signals whose Python disposition is SIG_DFL / SIG_IGN while our action is installed.
static DEFAULT: AtomicU64 = AtomicU64::new(0);
static IGNORE: AtomicU64 = AtomicU64::new(0);

/// What `getsignal` answers, per signal (None: not set from Python, the OS default).
struct State {
    handlers: Vec<Option<Value>>,
    installed: u64,
    wake: Option<UnixStream>,
    default_int: Value,
}

static STATE: OnceLock<Mutex<State>> = OnceLock::new();

fn state() -> std::sync::MutexGuard<'static, State> {
    STATE
        .get()
        .expect("the _signal module makes its state first")
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Build the module.
pub fn make(vm: &mut Vm) -> PyResult<Arc<Module>> {
    let m = new_module(vm, "_signal");
    add_fns(
        vm,
        &m,
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("alarm", alarm),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
        ],
    );
    let default_int = native("default_int_handler", default_int_handler);
    set(vm, &m, "default_int_handler", default_int.clone());
    STATE.get_or_init(|| {
        let mut handlers = vec![None; NSIG as usize];
        handlers[libc::SIGINT as usize] = Some(default_int.clone());
        handlers[libc::SIGPIPE as usize] = Some(Value::Int(SIG_IGN));
        Mutex::new(State {
            handlers,
            installed: 0,
            wake: None,
            default_int,
        })
    });
    signals::set_runner(run_handlers);
    for (name, v) in [
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGWINCH", libc::SIGWINCH),
        ("NSIG", NSIG),
        ("SIG_DFL", SIG_DFL as i32),
        ("SIG_IGN", SIG_IGN as i32),
    ] {
        set(vm, &m, name, Value::Int(v as i64));
    }
    Ok(m)
}

fn signum(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = gilvm_vm::builtins::to_index(vm, v)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// The mask bit of `sig` (signal 64, the last real-time one, has none: it cannot get a
/// Python handler here).
fn bit(sig: i32) -> u64 {
    1u64.checked_shl(sig as u32).unwrap_or(0)
}

/// The OS side for `sig`, once: record it, then wake the watcher.
fn install(vm: &mut Vm, sig: i32) -> PyResult<()> {
    let mut st = state();
    if st.installed & bit(sig) != 0 || sig == libc::SIGINT {
        return Ok(());
    }
    if st.wake.is_none() {
        let (mut reader, writer) = UnixStream::pair().map_err(|e| crate::fdio::error(vm, e))?;
        let interp = vm.interp.clone();
        std::thread::Builder::new()
            .name("gilvm-py-signals".into())
            .spawn(move || {
                let mut buf = [0u8; 64];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    interp.wake_for_signal();
                }
            })
            .map_err(|e| crate::fdio::error(vm, e))?;
        st.wake = Some(writer);
    }
    let writer = st
        .wake
        .as_ref()
        .and_then(|w| w.try_clone().ok())
        .ok_or_else(|| vm.runtime_error("signal: no wake-up pipe"))?;
    // SAFETY: the action only does atomic operations and, for SIG_DFL, signal-hook's
    // emulate_default_handler, which is meant to be called from a handler.
    let r = unsafe {
        signal_hook::low_level::register(sig, move || {
            let b = bit(sig);
            if IGNORE.load(Ordering::SeqCst) & b != 0 {
                return;
            }
            if DEFAULT.load(Ordering::SeqCst) & b != 0 {
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                return;
            }
            signals::note(sig);
        })
    };
    if let Err(e) = r {
        return Err(crate::fdio::error(
            vm,
            std::io::Error::from_raw_os_error(e.raw_os_error().unwrap_or(libc::EINVAL)),
        ));
    }
    if let Err(e) = signal_hook::low_level::pipe::register(sig, writer) {
        return Err(crate::fdio::error(vm, e));
    }
    st.installed |= bit(sig);
    Ok(())
}

/// `signal(signalnum, handler)` -> the previous handler.
fn signal(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::no_kwargs(vm, "signal", kw)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("signal expected 2 arguments, got {}", a.len())));
    }
    let sig = signum(vm, &a[0])?;
    if !vm.is_main_thread() {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let handler = a[1].clone();
    let disposition = match &handler {
        Value::Int(n) if *n == SIG_DFL || *n == SIG_IGN => Some(*n),
        Value::Bool(_) | Value::Int(_) => None,
        _ => None,
    };
    let callable = disposition.is_none()
        && match &handler {
            Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => {
                true
            }
            Value::Instance(_) | Value::Native(_) => {
                vm.get_attr_opt(&handler, "__call__")?.is_some()
            }
            _ => false,
        };
    if disposition.is_none() && !callable {
        return Err(vm.type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    if sig == libc::SIGKILL || sig == libc::SIGSTOP {
        return Err(crate::fdio::error(
            vm,
            std::io::Error::from_raw_os_error(libc::EINVAL),
        ));
    }
    let b = bit(sig);
    let is_default_int = {
        let st = state();
        sig == libc::SIGINT && handler.is(&st.default_int)
    };
    match disposition {
        None => {
            install(vm, sig)?;
            IGNORE.fetch_and(!b, Ordering::SeqCst);
            DEFAULT.fetch_and(!b, Ordering::SeqCst);
            signals::set_handled(sig, !is_default_int);
        }
        Some(d) => {
            if sig == libc::SIGINT {
                // Ctrl-C comes through the CLI: SIG_IGN drops it here; SIG_DFL ends the
                // process as the default action would.
                signals::set_handled(sig, true);
            } else {
                install(vm, sig)?;
                signals::set_handled(sig, false);
                if d == SIG_IGN {
                    IGNORE.fetch_or(b, Ordering::SeqCst);
                    DEFAULT.fetch_and(!b, Ordering::SeqCst);
                } else {
                    DEFAULT.fetch_or(b, Ordering::SeqCst);
                    IGNORE.fetch_and(!b, Ordering::SeqCst);
                }
            }
        }
    }
    let old = state().handlers[sig as usize].replace(handler);
    Ok(old.unwrap_or(Value::Int(SIG_DFL)))
}

/// `getsignal(signalnum)`.
fn getsignal(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "getsignal", a, kw)?.clone();
    let sig = signum(vm, &v)?;
    let h = state().handlers[sig as usize].clone();
    Ok(h.unwrap_or(Value::Int(SIG_DFL)))
}

/// The [`signals::Runner`]: call the Python handler of each pending signal, lowest first.
fn run_handlers(vm: &mut Vm, bits: u64) -> PyResult<()> {
    for sig in 1..64 {
        if bits & bit(sig) == 0 {
            continue;
        }
        let h = state().handlers[sig as usize].clone();
        match h {
            Some(Value::Int(SIG_IGN)) => {}
            Some(Value::Int(SIG_DFL)) | None => {
                if sig == libc::SIGINT {
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                }
            }
            Some(f) => {
                vm.call(&f, &[Value::Int(sig as i64), Value::None])?;
            }
        }
    }
    Ok(())
}

/// `default_int_handler(signalnum, frame)`: raise KeyboardInterrupt.
fn default_int_handler(vm: &mut Vm, _a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Err(vm.keyboard_interrupt())
}

/// `alarm(seconds)` -> the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "alarm", a, kw)?.clone();
    let n = gilvm_vm::builtins::to_index(vm, &v)?;
    // SAFETY: alarm(2) only sets a timer.
    let left = unsafe { libc::alarm(n.clamp(0, u32::MAX as i64) as u32) };
    Ok(Value::Int(left as i64))
}

/// `raise_signal(signalnum)`: send it to this thread; its handler runs before this returns.
fn raise_signal(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "raise_signal", a, kw)?.clone();
    let sig = signum(vm, &v)?;
    // SAFETY: raise(3) sends a signal to the calling thread.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(crate::fdio::last_error(vm));
    }
    vm.check_interrupt()?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`.
fn strsignal(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let v = args::one(vm, "strsignal", a, kw)?.clone();
    let sig = signum(vm, &v)?;
    // SAFETY: strsignal returns a string owned by libc, copied at once.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: a NUL-terminated string.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    Ok(Value::str(s))
}
