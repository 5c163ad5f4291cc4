//! The interpreter: [`Interp`] is what all threads of one process share (built-in types, the
//! builtins and sys modules, settings); [`Vm`] is one thread's state (its value stack, frames,
//! handled-exception stack and GIL token). Python-to-Python calls do not recurse in Rust: the eval
//! loop pushes a frame. Native code calls back into Python through [`Vm::call`].

use std::sync::Arc;

use gilvm_compiler::CodeObject;

use crate::error::PyResult;
use crate::gilcell::Gil;
use crate::types::Types;
use crate::value::{Module, PyStr, Value};

/// Settings for a run.
#[derive(Clone, Debug)]
pub struct VmConfig {
    /// `sys.argv` (the script path first).
    pub argv: Vec<String>,
    /// Default recursion limit (`sys.setrecursionlimit` changes it).
    pub recursion_limit: usize,
    /// Instructions between GIL checks (issue 3; 0 = never by count).
    pub switch_instructions: u32,
    /// Seconds between forced switches (issue 3; 0 = never by time).
    pub switch_interval: f64,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            argv: vec![String::new()],
            recursion_limit: 1000,
            switch_instructions: 100,
            switch_interval: 0.015,
        }
    }
}

/// Process-wide interpreter state, shared by all threads.
pub struct Interp {
    pub types: Types,
    pub builtins: Arc<Module>,
    pub config: VmConfig,
    /// Buffered standard output shared by all threads (`print` writes here; flushed on
    /// `flush=True`, before reading stdin, before writing to stderr, and at exit).
    pub stdout: parking_lot::Mutex<std::io::BufWriter<std::io::Stdout>>,
    /// Current recursion limit (`sys.setrecursionlimit`).
    pub recursion_limit: std::sync::atomic::AtomicUsize,
    /// Current switch interval in seconds as f64 bits (`sys.setswitchinterval`).
    pub switch_interval_bits: std::sync::atomic::AtomicU64,
}

impl Interp {
    pub fn switch_interval(&self) -> f64 {
        f64::from_bits(
            self.switch_interval_bits
                .load(std::sync::atomic::Ordering::Relaxed),
        )
    }
    pub fn set_switch_interval(&self, seconds: f64) {
        self.switch_interval_bits
            .store(seconds.to_bits(), std::sync::atomic::Ordering::Relaxed)
    }
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit
            .load(std::sync::atomic::Ordering::Relaxed)
    }
    pub fn set_recursion_limit(&self, limit: usize) {
        self.recursion_limit
            .store(limit, std::sync::atomic::Ordering::Relaxed)
    }
    /// Flush buffered stdout (before stderr output, input(), and at exit).
    pub fn flush_stdout(&self) {
        use std::io::Write;
        let _ = self.stdout.lock().flush();
    }
}

/// One thread's interpreter.
pub struct Vm {
    pub interp: Arc<Interp>,
    gil: Gil,
}

impl Vm {
    /// A new interpreter with one thread (this one), which holds the GIL from now on.
    pub fn new(config: VmConfig) -> Vm {
        let _ = config;
        todo!("H3")
    }

    /// The GIL token of this thread.
    #[inline]
    pub fn gil(&self) -> Gil {
        self.gil
    }

    #[inline]
    pub fn types(&self) -> &Types {
        &self.interp.types
    }

    /// Run a module's code as `__main__` (or another module name); `source` is kept for
    /// tracebacks. Returns the module.
    pub fn run_module(
        &mut self,
        code: Arc<CodeObject>,
        name: &str,
        source: Arc<str>,
    ) -> PyResult<Arc<Module>> {
        let _ = (code, name, source);
        todo!("H3")
    }

    /// Call any callable with positional arguments.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callable, args, &[])
    }

    /// Call any callable with positional and keyword arguments.
    pub fn call_kw(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwargs: &[(Arc<PyStr>, Value)],
    ) -> PyResult<Value> {
        let _ = (callable, args, kwargs);
        todo!("H3")
    }

    /// The source text of a file seen by this interpreter (for traceback lines).
    pub fn source_of(&self, filename: &str) -> Option<Arc<str>> {
        let _ = filename;
        todo!("H3")
    }

    /// Run a main script: compile errors are the caller's business; this runs the code as
    /// `__main__`, prints an uncaught exception's traceback to stderr (CPython's format), handles
    /// SystemExit (None -> 0, int -> that status, anything else printed -> 1), flushes stdout,
    /// and returns the process exit status.
    pub fn run_main(&mut self, code: Arc<CodeObject>, source: Arc<str>) -> i32 {
        let _ = (code, source);
        todo!("H3")
    }

    /// Import a built-in module by name (`time`, `sys`, ...), creating it on first use.
    pub fn import(&mut self, name: &str) -> PyResult<Arc<Module>> {
        let _ = name;
        todo!("H3")
    }
}
