//! The interpreter: [`Interp`] is what all threads of one process share (built-in types, the
//! builtins and sys modules, settings); [`Vm`] is one thread's state (its value stack, frames,
//! handled-exception stack and GIL token). Python-to-Python calls do not recurse in Rust: the eval
//! loop pushes a frame. Native code calls back into Python through [`Vm::call`].

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use gilvm_compiler::CodeObject;
use rustc_hash::FxHashMap;

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::gilcell::{Gil, GilCell};
use crate::types::Types;
use crate::value::{DictMap, Module, PyStr, Value};

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
    /// Imported modules by name (`sys.modules`), `__main__` included.
    pub modules: GilCell<FxHashMap<String, Arc<Module>>>,
    /// Interned attribute/global names of loaded code.
    pub(crate) interned: GilCell<crate::frame::Interner>,
    /// Source text of every file run, by filename (for traceback lines).
    pub sources: parking_lot::Mutex<FxHashMap<Arc<str>, Arc<str>>>,
    /// CPython's "eval breaker": set (relaxed) by another thread to make the running thread
    /// leave its hot loop at the next check (GIL drop requests, signals).
    pub eval_breaker: AtomicBool,
}

// The interpreter state is shared by all threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Interp>();
};

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
    /// The value stack: each frame's locals, then its operands.
    pub(crate) stack: Vec<Value>,
    /// Python frames, innermost last.
    pub(crate) frames: Vec<Frame>,
    /// Exceptions being handled (innermost last): what `raise` re-raises and what becomes the
    /// `__context__` of a new exception.
    pub(crate) handled: Vec<PyErr>,
    /// Nesting of native code that re-enters Python or recurses (repr of nested containers,
    /// `__eq__` calling `__eq__`, sorted with a key...), counted against the recursion limit.
    pub(crate) native_depth: usize,
    /// Objects whose repr is in progress (for `[...]`).
    pub(crate) repr_guard: Vec<usize>,
    /// Reusable argument buffers for native calls.
    pub(crate) arg_pool: Vec<Vec<Value>>,
    /// The marker stored in an unset local slot (never visible to Python code).
    pub(crate) null: Value,
    /// Instructions left before the next `budget_exhausted` check.
    pub(crate) countdown: u32,
    /// The generator frame that just yielded (set by YieldValue/YieldFrom, taken at once by
    /// `Vm::gen_resume`; see generator.rs).
    pub(crate) yielded: Option<Frame>,
}

impl Vm {
    /// A new interpreter with one thread (this one), which holds the GIL from now on.
    pub fn new(config: VmConfig) -> Vm {
        let mut vm = Vm::new_thread(Vm::new_interp(config));
        crate::class::install_core(&mut vm);
        crate::builtins::install(&mut vm);
        crate::class::install_builtins(&mut vm);
        vm
    }

    /// A Vm with the core only: classes, `super`/`property`/`staticmethod`/`classmethod` and the
    /// exception classes in builtins, but not `builtins::install` (for the core's own tests).
    #[doc(hidden)]
    pub fn new_core(config: VmConfig) -> Vm {
        let mut vm = Vm::new_thread(Vm::new_interp(config));
        crate::class::install_core(&mut vm);
        crate::class::install_builtins(&mut vm);
        let gil = vm.gil;
        let classes: Vec<_> = vm.types().exceptions.clone();
        let mut g = vm.interp.builtins.globals.borrow_mut(gil);
        for c in classes {
            g.insert(crate::hash::str_key(c.name.as_str()), Value::Class(c));
        }
        drop(g);
        vm
    }

    fn new_interp(config: VmConfig) -> Arc<Interp> {
        let types = Types::new();
        let builtins = Arc::new(Module {
            name: Arc::new(PyStr::new("builtins")),
            globals: GilCell::new(DictMap::default()),
            filename: None,
        });
        Arc::new(Interp {
            types,
            builtins,
            recursion_limit: AtomicUsize::new(config.recursion_limit),
            switch_interval_bits: AtomicU64::new(config.switch_interval.to_bits()),
            config,
            stdout: parking_lot::Mutex::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            modules: GilCell::new(FxHashMap::default()),
            sources: parking_lot::Mutex::new(FxHashMap::default()),
            interned: GilCell::new(FxHashMap::default()),
            eval_breaker: AtomicBool::new(false),
        })
    }

    /// The per-thread state of a thread of `interp`.
    fn new_thread(interp: Arc<Interp>) -> Vm {
        // SAFETY: single-threaded so far: this thread is the interpreter's only thread and holds
        // the (not yet real) interpreter lock for its whole life; see gilcell.rs and design §3.
        let gil = unsafe { Gil::assume_held() };
        let null = Value::Cell(Arc::new(GilCell::new(None)));
        let mut vm = Vm {
            interp,
            gil,
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            handled: Vec::new(),
            native_depth: 0,
            repr_guard: Vec::new(),
            arg_pool: Vec::new(),
            null,
            countdown: 1,
            yielded: None,
        };
        vm.reset_countdown();
        vm
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

    pub(crate) fn reset_countdown(&mut self) {
        let n = self.interp.config.switch_instructions;
        self.countdown = if n == 0 { 10_000 } else { n };
    }

    /// The cold path of the instruction budget: called when the countdown reaches zero or the
    /// eval breaker is set. This is where the GIL hand-off, pending KeyboardInterrupt and
    /// run limits will go; for now it re-arms the countdown.
    #[cold]
    #[inline(never)]
    pub(crate) fn budget_exhausted(&mut self) -> PyResult<()> {
        self.interp.eval_breaker.store(false, Ordering::Relaxed);
        self.reset_countdown();
        Ok(())
    }

    /// Run a module's code as `__main__` (or another module name); `source` is kept for
    /// tracebacks. Returns the module.
    pub fn run_module(
        &mut self,
        code: Arc<CodeObject>,
        name: &str,
        source: Arc<str>,
    ) -> PyResult<Arc<Module>> {
        let filename: Arc<str> = code.filename.clone();
        self.interp.sources.lock().insert(filename.clone(), source);
        let module = Arc::new(Module {
            name: Arc::new(PyStr::new(name)),
            globals: GilCell::new(DictMap::default()),
            filename: Some(filename.clone()),
        });
        {
            let gil = self.gil;
            let mut g = module.globals.borrow_mut(gil);
            g.insert(crate::hash::str_key("__name__"), Value::str(name));
            g.insert(crate::hash::str_key("__file__"), Value::str(&*filename));
            g.insert(crate::hash::str_key("__doc__"), Value::None);
            g.insert(
                crate::hash::str_key("__builtins__"),
                Value::Module(self.interp.builtins.clone()),
            );
        }
        self.interp
            .modules
            .borrow_mut(self.gil)
            .insert(name.to_string(), module.clone());
        let code = crate::frame::load_code(code, &mut self.interp.interned.borrow_mut(self.gil));
        self.run_code(code, module.clone(), None)?;
        Ok(module)
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
        self.call_value(callable, args, kwargs)
    }

    /// The source text of a file seen by this interpreter (for traceback lines).
    pub fn source_of(&self, filename: &str) -> Option<Arc<str>> {
        self.interp.sources.lock().get(filename).cloned()
    }

    /// Run a main script: compile errors are the caller's business; this runs the code as
    /// `__main__`, prints an uncaught exception's traceback to stderr (CPython's format), handles
    /// SystemExit (None -> 0, int -> that status, anything else printed -> 1), flushes stdout,
    /// and returns the process exit status.
    pub fn run_main(&mut self, code: Arc<CodeObject>, source: Arc<str>) -> i32 {
        let result = self.run_module(code, "__main__", source);
        let mut interrupted = false;
        let status = match result {
            Ok(_) => 0,
            Err(err) => {
                interrupted = err.class().name.as_str() == "KeyboardInterrupt";
                self.report_uncaught(&err)
            }
        };
        self.interp.flush_stdout();
        // Join non-daemon child processes, stop daemon ones and pools (CPython's atexit hook);
        // after Ctrl-C, stop them all.
        crate::modules::blocking::blocking(self, move || {
            crate::modules::multiprocessing::at_exit(interrupted)
        });
        status
    }

    /// Print an uncaught exception (or handle SystemExit) and return the exit status.
    pub fn report_uncaught(&mut self, err: &PyErr) -> i32 {
        use std::io::Write;
        let system_exit = self.types().system_exit.clone();
        if self.err_is(err, &system_exit) {
            let args = crate::error::exc_args(&err.0, self);
            let code = if args.len() == 1 {
                args[0].clone()
            } else if args.is_empty() {
                Value::None
            } else {
                Value::tuple(args)
            };
            return match code {
                Value::None => 0,
                Value::Int(n) => n as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let text = self.to_str(&other).unwrap_or_default();
                    self.interp.flush_stdout();
                    let _ = writeln!(std::io::stderr(), "{text}");
                    1
                }
            };
        }
        let text = self.format_exception(err);
        self.interp.flush_stdout();
        let _ = std::io::stderr().write_all(text.as_bytes());
        1
    }

    /// Import a built-in module by name (`time`, `sys`, ...), creating it on first use.
    pub fn import(&mut self, name: &str) -> PyResult<Arc<Module>> {
        if let Some(m) = self.interp.modules.borrow(self.gil).get(name) {
            return Ok(m.clone());
        }
        match crate::modules::make_module(self, name) {
            Some(Ok(m)) => {
                self.interp
                    .modules
                    .borrow_mut(self.gil)
                    .insert(name.to_string(), m.clone());
                Ok(m)
            }
            Some(Err(e)) => Err(e),
            None => {
                let class = self.types().module_not_found_error.clone();
                Err(self.new_error(&class, format!("No module named '{name}'")))
            }
        }
    }
}
