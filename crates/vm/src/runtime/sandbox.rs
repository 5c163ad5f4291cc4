//! The sandbox (`VmConfig::sandbox`): an interpreter that cannot block or touch the machine, for
//! running untrusted or generated programs in-process (the `run` fuzz target).
//!
//! Under the sandbox:
//!
//! - `import` of `os` (and `os.path`/`posixpath`/`posix`), `threading`, `_thread`, `queue`,
//!   `multiprocessing` and `_gilvm_mp` raises `ImportError` (no threads, no processes, no file
//!   system; `asyncio.to_thread` fails the same way when it imports `threading`);
//! - `open()`, `input()`, reading `sys.stdin` and `time.sleep()` raise `PermissionError`;
//! - asyncio's event loop runs on a virtual clock: when every task waits for a timer, the
//!   clock jumps to that timer instead of sleeping (`asyncio.sleep(3600)` returns at once,
//!   `loop.time()` shows the hour passed);
//! - stdout and stderr (`print`, `sys.stdout.write`, tracebacks) go to an in-memory [`Capture`]
//!   that keeps the first [`CAPTURE_LIMIT`] bytes (and counts the rest), never to the process's
//!   streams.
//!
//! The sandbox is deliberately simple: it refuses whole modules and a few functions; it is no
//! defence against memory or CPU exhaustion — combine it with the instruction limit
//! (`VmConfig::max_instructions`) and `alloc_limit::set_memory_limit`.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};

/// Modules a sandboxed program cannot import.
pub const REFUSED_MODULES: &[&str] = &[
    "os",
    "os.path",
    "posix",
    "posixpath",
    "threading",
    "_thread",
    "queue",
    "multiprocessing",
    "_gilvm_mp",
];

/// Bytes of output a [`Capture`] keeps.
pub const CAPTURE_LIMIT: usize = 1 << 16;

/// A sandboxed interpreter's stdout and stderr: the first [`CAPTURE_LIMIT`] bytes of each are
/// kept, the rest only counted.
#[derive(Debug, Default)]
pub struct Capture {
    stdout: Mutex<Vec<u8>>,
    stderr: Mutex<Vec<u8>>,
    total: AtomicU64,
}

impl Capture {
    fn keep(buf: &Mutex<Vec<u8>>, bytes: &[u8]) {
        let mut buf = buf.lock();
        let room = CAPTURE_LIMIT.saturating_sub(buf.len());
        buf.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn write_stdout(&self, bytes: &[u8]) {
        self.total.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Capture::keep(&self.stdout, bytes);
    }

    pub(crate) fn write_stderr(&self, bytes: &[u8]) {
        self.total.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Capture::keep(&self.stderr, bytes);
    }

    /// What was written to stdout (its first [`CAPTURE_LIMIT`] bytes; stdout is buffered: call
    /// `Interp::flush_stdout` first).
    pub fn stdout(&self) -> Vec<u8> {
        self.stdout.lock().clone()
    }

    /// What was written to stderr (its first [`CAPTURE_LIMIT`] bytes).
    pub fn stderr(&self) -> Vec<u8> {
        self.stderr.lock().clone()
    }

    /// Bytes written to both streams, kept or not.
    pub fn total_bytes(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }
}

/// The writer behind a sandboxed interpreter's buffered stdout.
pub(crate) struct CaptureStdout(pub Arc<Capture>);

impl Write for CaptureStdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write_stdout(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Vm {
    /// Empty every module's namespace (builtins last) and forget the imported modules, as
    /// CPython does at shutdown. gilvm frees objects by reference counting only, and a module
    /// and the functions defined in it refer to each other (`f.__globals__`), so without this an
    /// interpreter that ran any `def` would never be freed: an embedder running many programs
    /// in one process (the `run` fuzz target) calls it when a program is done. Cycles the
    /// program made itself (a list that contains itself, a class whose methods use `super()`)
    /// still leak.
    pub fn clear_modules(&mut self) {
        let gil = self.gil();
        let modules = std::mem::take(&mut *self.interp.modules.borrow_mut(gil));
        for module in modules.values().filter_map(|m| match m {
            crate::object::value::Value::Module(m) => Some(m),
            _ => None,
        }) {
            let globals = std::mem::take(&mut *module.globals.borrow_mut(gil));
            drop(globals);
        }
        drop(modules);
        let builtins = std::mem::take(&mut *self.interp.builtins.globals.borrow_mut(gil));
        drop(builtins);
    }

    /// Is this interpreter sandboxed?
    #[inline]
    pub fn sandboxed(&self) -> bool {
        self.interp.config.sandbox
    }

    /// `PermissionError` if sandboxed: `what` (e.g. `"open()"`) is not allowed.
    pub fn sandbox_check(&self, what: &str) -> PyResult<()> {
        if !self.sandboxed() {
            return Ok(());
        }
        let class = self
            .types()
            .exception_by_name("PermissionError")
            .unwrap_or(&self.types().os_error)
            .clone();
        Err(self.new_error(
            &class,
            format!("{what} is not allowed in the gilvm sandbox"),
        ))
    }

    /// `ImportError` if sandboxed and `name` is a refused module.
    pub(crate) fn sandbox_import(&self, name: &str) -> Option<PyErr> {
        if !self.sandboxed() || !REFUSED_MODULES.contains(&name) {
            return None;
        }
        let class = self.types().import_error.clone();
        Some(self.new_error(
            &class,
            format!("import of '{name}' is not allowed in the gilvm sandbox"),
        ))
    }
}

/// How a sandboxed run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxRun {
    /// The exit status `gilvm` would give: 0, 1 (an uncaught exception or a SyntaxError),
    /// `sys.exit`'s, or 123 (the instruction limit).
    pub status: i32,
    /// The first [`CAPTURE_LIMIT`] bytes of stdout.
    pub stdout: Vec<u8>,
    /// The first [`CAPTURE_LIMIT`] bytes of stderr (tracebacks, the instruction limit message).
    pub stderr: Vec<u8>,
}

/// Compile and run `source` as `__main__`, sandboxed, with at most `max_instructions`
/// instructions, on a new thread with the interpreter's stack (as the `gilvm` command line
/// does, so the stack guard's budget holds); output is captured. A panic in the interpreter
/// is passed on to the caller. The memory limit is the embedder's
/// ([`crate::runtime::alloc_limit::set_memory_limit`]). This is what the `run` fuzz target calls.
pub fn run_sandboxed(source: &str, filename: &str, max_instructions: Option<u64>) -> SandboxRun {
    let source: Arc<str> = Arc::from(source);
    let filename = filename.to_string();
    let spawned = std::thread::Builder::new()
        .name("gilvm-sandbox".into())
        .stack_size(crate::runtime::stack_guard::INTERPRETER_STACK)
        .spawn(move || {
            crate::runtime::stack_guard::set_stack_budget(
                crate::runtime::stack_guard::INTERPRETER_BUDGET,
            );
            let code = match gilvm_compiler::compile_source(&source, &filename) {
                Ok(code) => code,
                Err(err) => {
                    return SandboxRun {
                        status: 1,
                        stdout: Vec::new(),
                        stderr: err.render(&filename, &source, false).into_bytes(),
                    }
                }
            };
            let mut vm = Vm::new(crate::VmConfig {
                argv: vec![filename.clone()],
                max_instructions,
                sandbox: true,
                gil: crate::runtime::gil::GilConfig {
                    keep_reports: false,
                    ..Default::default()
                },
                ..crate::VmConfig::default()
            });
            let status = vm.run_main(code, source);
            vm.interp.flush_stdout();
            vm.clear_modules();
            let capture = vm.interp.capture.clone().unwrap_or_default();
            SandboxRun {
                status,
                stdout: capture.stdout(),
                stderr: capture.stderr(),
            }
        });
    match spawned.map(|h| h.join()) {
        Ok(Ok(run)) => run,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(err) => panic!("cannot start the sandbox thread: {err}"),
    }
}
