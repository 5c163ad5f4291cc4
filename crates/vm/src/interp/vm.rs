//! The interpreter: [`Interp`] is what all threads of one process share (built-in types, the
//! builtins and sys modules, settings); [`Vm`] is one thread's state (its value stack, frames,
//! handled-exception stack and GIL token). Python-to-Python calls do not recurse in Rust: the eval
//! loop pushes a frame. Native code calls back into Python through [`Vm::call`].

use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

use gilvm_compiler::CodeObject;
use rustc_hash::FxHashMap;

use crate::interp::frame::Frame;
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::{Gil, GilCell};
use crate::object::types::Types;
use crate::object::value::{DictMap, Module, PyStr, Value};
use crate::runtime::gil::{GilConfig, GilLock, ThreadGil};

/// Settings for a run.
#[derive(Clone, Debug)]
pub struct VmConfig {
    /// `sys.argv` (the script path first).
    pub argv: Vec<String>,
    /// Default recursion limit (`sys.setrecursionlimit` changes it).
    pub recursion_limit: usize,
    /// The GIL's start-up settings (issue 3): switch instructions and interval, hand-off
    /// policy (`--gil-policy`), event tracing (`--trace`), and whether each finished thread's
    /// report is kept for `--gil-stats` and the lab (off for runs that read none: they would
    /// accumulate one per thread ever started).
    pub gil: GilConfig,
    /// Stop the program after this many bytecode instructions, counted over all threads
    /// (`--max-instructions`; see instr_limit.rs).
    pub max_instructions: Option<u64>,
    /// Run sandboxed: no threads, processes, files, stdin or sleeping; output captured in
    /// memory (see sandbox.rs).
    pub sandbox: bool,
    /// `sys.path` at start-up; `None`: the script's directory then `PYTHONPATH`
    /// (import/finder.rs). A multiprocessing worker gets its parent's.
    pub sys_path: Option<Vec<String>>,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            argv: vec![String::new()],
            recursion_limit: 1000,
            gil: GilConfig::default(),
            max_instructions: None,
            sandbox: false,
            sys_path: None,
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
    pub stdout: parking_lot::Mutex<std::io::BufWriter<Box<dyn std::io::Write + Send>>>,
    /// A sandboxed interpreter's captured stdout and stderr (sandbox.rs).
    pub capture: Option<Arc<crate::runtime::sandbox::Capture>>,
    /// The instruction budget, if any (instr_limit.rs).
    pub instruction_limit: Option<crate::runtime::instr_limit::InstructionLimit>,
    /// Has the in-process memory limit ended the program (instr_limit.rs)?
    pub memory_limit_hit: std::sync::atomic::AtomicBool,
    /// Current recursion limit (`sys.setrecursionlimit`).
    pub recursion_limit: std::sync::atomic::AtomicUsize,
    /// The global interpreter lock (design §3): its switch settings are what
    /// `sys.setswitchinterval` changes, its eval breaker what the eval loop checks.
    pub gil: Arc<GilLock>,
    /// The interpreter's threads: their wait states (deadlock detection) and the count of
    /// non-daemon threads the main thread waits for at exit.
    pub threads: crate::modules::threading::registry::Registry,
    /// `sys.modules`: the imported modules by name, `__main__` included (a real dict, which
    /// Python code may change; see import/mod.rs).
    pub modules: Arc<crate::object::value::Dict>,
    /// Names of the modules whose code is running (an import in progress), innermost last.
    pub initializing: GilCell<crate::import::InitState>,
    /// Interned attribute/global names of loaded code.
    pub(crate) interned: GilCell<crate::interp::frame::Interner>,
    /// Source text of every file run, by filename (for traceback lines).
    pub sources: parking_lot::Mutex<FxHashMap<Arc<str>, Arc<str>>>,
    /// Ctrl-C: a pending interrupt, the main thread's wait to wake (see interrupt.rs).
    pub interrupts: Arc<crate::runtime::interrupt::Interrupts>,
}

// The interpreter state is shared by all threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Interp>();
};

impl Interp {
    /// The GIL's live switch interval (`sys.getswitchinterval`; what a new worker inherits).
    pub fn switch_interval(&self) -> Duration {
        self.gil.switch_interval()
    }
    /// `sys.setswitchinterval`: changes the GIL's interval (zero turns it off).
    pub fn set_switch_interval(&self, interval: Duration) {
        self.gil.set_switch_interval(interval)
    }
    /// CPython's "eval breaker" (the GIL's): set (relaxed) by another thread to make the
    /// running thread leave its hot loop at the next check.
    pub fn eval_breaker(&self) -> &std::sync::atomic::AtomicBool {
        self.gil.eval_breaker()
    }
    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit
            .load(std::sync::atomic::Ordering::Relaxed)
    }
    pub fn set_recursion_limit(&self, limit: usize) {
        self.recursion_limit
            .store(limit, std::sync::atomic::Ordering::Relaxed)
    }
    /// Deliver a Ctrl-C (from a thread, never from a signal handler: the CLI's handler sets
    /// the flag and its watcher calls [`Interp::wake_for_interrupt`]): the main thread raises
    /// KeyboardInterrupt at its next instruction, or now if it is in an interruptible wait
    /// (interrupt.rs).
    pub fn interrupt(&self) {
        self.interrupts.set();
        self.wake_for_interrupt();
    }
    /// The second half of [`Interp::interrupt`], for a signal handler that set the pending
    /// flag itself (`interrupts.signal_flag()`): ask the running thread's attention and wake
    /// the main thread's wait. Nothing to do if the interrupt was handled meanwhile.
    pub fn wake_for_interrupt(&self) {
        if self.interrupts.pending() {
            self.gil.request_attention();
            self.interrupts.wake_main();
        }
    }
    /// Flush buffered stdout (before stderr output, input(), and at exit).
    pub fn flush_stdout(&self) {
        use std::io::Write;
        let _ = self.stdout.lock().flush();
    }
    /// Write to the process's stderr (unbuffered), or to the capture when sandboxed.
    pub fn write_stderr(&self, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write;
        match &self.capture {
            Some(c) => {
                c.write_stderr(bytes);
                Ok(())
            }
            None => std::io::stderr().write_all(bytes),
        }
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
    /// This thread's side of the GIL: its countdown, state and stats.
    pub(crate) thread_gil: ThreadGil,
    /// The generator frame that just yielded (set by YieldValue/YieldFrom, taken at once by
    /// `Vm::gen_resume`; see generator.rs).
    pub(crate) yielded: Option<Frame>,
    /// This thread's instructions already charged to the instruction limit.
    pub(crate) charged: u64,
    /// Class bodies running in a namespace that `__prepare__` returned and that is not a plain
    /// dict: (address of the frame's namespace dict, the mapping). LoadName/StoreName in such
    /// a body go through the mapping's `__getitem__`/`__setitem__` (metaclass.rs).
    pub(crate) ns_hooks: Vec<(usize, Value)>,
}

impl Vm {
    /// A new interpreter with one thread (this one), which holds the GIL from now on.
    pub fn new(config: VmConfig) -> Vm {
        let mut vm = Vm::new_main_core(config);
        crate::builtins::install(&mut vm);
        crate::object::class::install_builtins(&mut vm);
        let builtins = Value::Module(vm.interp.builtins.clone());
        vm.interp.set_module(vm.gil, "builtins", builtins);
        vm
    }

    /// The main thread's Vm over a new interpreter, with the core classes, iterators and
    /// generators installed (what [`Vm::new`] and [`Vm::new_core`] share).
    fn new_main_core(config: VmConfig) -> Vm {
        let interp = Vm::new_interp(config);
        let thread_gil = interp.gil.register("MainThread");
        interp.threads.add(thread_gil.id(), "MainThread", false);
        interp.interrupts.set_main(thread_gil.id());
        let mut vm = Vm::new_thread(interp, thread_gil);
        crate::object::class::install_core(&mut vm);
        crate::protocol::iter::install(&mut vm);
        crate::interp::generator::install(&mut vm);
        vm
    }

    /// A Vm with the core only: classes, `super`/`property`/`staticmethod`/`classmethod` and the
    /// exception classes in builtins, but not `builtins::install` (for the core's own tests).
    #[doc(hidden)]
    pub fn new_core(config: VmConfig) -> Vm {
        let mut vm = Vm::new_main_core(config);
        crate::object::class::install_builtins(&mut vm);
        let gil = vm.gil;
        let classes: Vec<_> = vm.types().exceptions.clone();
        let mut g = vm.interp.builtins.globals.borrow_mut(gil);
        for c in classes {
            g.insert(
                crate::protocol::hash::str_key(c.name.as_str()),
                Value::Class(c),
            );
        }
        drop(g);
        vm
    }

    fn new_interp(config: VmConfig) -> Arc<Interp> {
        let types = Types::new();
        let gil = GilLock::new(config.gil);
        let capture = config
            .sandbox
            .then(|| Arc::new(crate::runtime::sandbox::Capture::default()));
        let out: Box<dyn std::io::Write + Send> = match &capture {
            Some(c) => Box::new(crate::runtime::sandbox::CaptureStdout(c.clone())),
            None => Box::new(std::io::stdout()),
        };
        let instruction_limit = config
            .max_instructions
            .map(crate::runtime::instr_limit::InstructionLimit::new);
        let builtins = Arc::new(Module {
            name: Arc::new(PyStr::new("builtins")),
            globals: Arc::new(GilCell::new(DictMap::default())),
            filename: None,
        });
        Arc::new(Interp {
            types,
            builtins,
            recursion_limit: AtomicUsize::new(config.recursion_limit),
            gil,
            threads: Default::default(),
            config,
            stdout: parking_lot::Mutex::new(std::io::BufWriter::with_capacity(1 << 16, out)),
            capture,
            instruction_limit,
            memory_limit_hit: Default::default(),
            modules: Arc::new(GilCell::new(DictMap::default())),
            initializing: GilCell::new(Default::default()),
            sources: parking_lot::Mutex::new(FxHashMap::default()),
            interned: GilCell::new(FxHashMap::default()),
            interrupts: Default::default(),
        })
    }

    /// The per-thread state of a thread of `interp`, made on that thread: it takes the GIL
    /// (waiting for its turn) with `thread_gil`, registered by the parent thread
    /// ([`GilLock::register`]), and holds it from then on except around blocking calls.
    pub fn new_thread(interp: Arc<Interp>, mut thread_gil: ThreadGil) -> Vm {
        let gil = thread_gil.acquire();
        let null = Value::Cell(Arc::new(GilCell::new(None)));
        let charged = thread_gil.instructions_run();
        let mut vm = Vm {
            interp,
            gil,
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            handled: Vec::new(),
            native_depth: 0,
            repr_guard: Vec::new(),
            ns_hooks: Vec::new(),
            arg_pool: Vec::new(),
            null,
            thread_gil,
            yielded: None,
            charged,
        };
        vm.cap_countdown();
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

    /// This thread's GIL handle (its state and stats).
    pub fn thread_gil(&self) -> &ThreadGil {
        &self.thread_gil
    }

    /// Run a blocking call with the GIL released (see `modules::blocking`).
    pub fn allow_threads<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
        let value = self.thread_gil.allow_threads(f);
        if self.interp.interrupts.pending() {
            // A Ctrl-C came during the call: the main thread handles it at its next instruction
            // (another thread that took the GIL meanwhile may have cleared the request).
            self.interp.gil.request_attention();
        }
        value
    }

    /// Weak reference callbacks whose referents died (object/weakref.rs).
    #[cold]
    #[inline(never)]
    fn run_weak_callbacks(&mut self) {
        self.interp.gil.take_attention();
        crate::object::weakref::run_pending(self);
    }

    /// The cold path of the instruction budget: called with the eval loop's countdown (`left`)
    /// when it reaches zero or the eval breaker is set. Hands the GIL over if the switch rules
    /// say so (design §3) and returns the new countdown.
    #[cold]
    #[inline(never)]
    pub(crate) fn budget_exhausted(&mut self, left: u32) -> PyResult<u32> {
        self.thread_gil.set_countdown(left);
        // The limits (instr_limit.rs) are checked here, once per slice.
        let limited = self.limits_on();
        if limited {
            self.check_limits()?;
        }
        self.thread_gil.maybe_switch();
        if limited {
            self.cap_countdown();
        }
        if self.interp.interrupts.pending() || crate::runtime::signals::pending() {
            self.interrupt_at_instruction()?;
        }
        if crate::object::weakref::has_pending() {
            self.run_weak_callbacks();
        }
        Ok(self.thread_gil.countdown().max(1))
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
            globals: Arc::new(GilCell::new(DictMap::default())),
            filename: Some(filename.clone()),
        });
        {
            let gil = self.gil;
            let mut g = module.globals.borrow_mut(gil);
            g.insert(crate::protocol::hash::str_key("__name__"), Value::str(name));
            g.insert(
                crate::protocol::hash::str_key("__file__"),
                Value::str(&*filename),
            );
            g.insert(crate::protocol::hash::str_key("__doc__"), Value::None);
            g.insert(crate::protocol::hash::str_key("__package__"), Value::None);
            g.insert(crate::protocol::hash::str_key("__loader__"), Value::None);
            g.insert(crate::protocol::hash::str_key("__spec__"), Value::None);
            g.insert(
                crate::protocol::hash::str_key("__builtins__"),
                Value::Module(self.interp.builtins.clone()),
            );
        }
        self.interp
            .set_module(self.gil, name, Value::Module(module.clone()));
        let code =
            crate::interp::frame::load_code(code, &mut self.interp.interned.borrow_mut(self.gil));
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
    /// SystemExit (None -> 0, int -> that status, anything else printed -> 1), waits for the
    /// non-daemon threads, flushes stdout, and returns the process exit status. An uncaught
    /// KeyboardInterrupt returns 130 and is recorded (`interrupts.unhandled()`: the CLI then
    /// ends the process by SIGINT, as CPython does).
    pub fn run_main(&mut self, code: Arc<CodeObject>, source: Arc<str>) -> i32 {
        let result = self.run_module(code, "__main__", source);
        // A limit ended the program (in this thread, whose error is the limit's, or in
        // another one, even if this thread then finished): report the limit; do not wait for
        // the other threads (they stop at their next instruction or are abandoned at exit)
        // and stop child processes as after Ctrl-C.
        let limit_status = self.report_limit();
        let limited = limit_status.is_some();
        let mut interrupted = false;
        let mut status = match (limit_status, result) {
            (Some(status), _) => status,
            (None, Ok(_)) => 0,
            (None, Err(err)) => {
                interrupted = self.err_is(&err, &self.types().keyboard_interrupt.clone());
                self.report_uncaught(&err)
            }
        };
        if interrupted {
            status = crate::runtime::interrupt::INTERRUPTED_STATUS;
            self.interp.interrupts.set_unhandled();
        }
        if limited {
            interrupted = true;
        } else if crate::modules::threading::thread::wait_for_threads(self).is_err() {
            // Ctrl-C while waiting for the non-daemon threads: CPython reports it as an
            // exception ignored in `threading._shutdown` and exits without them.
            use std::io::Write;
            self.interp.flush_stdout();
            let _ = std::io::stderr().write_all(
                b"Exception ignored in: <module 'threading' from '<gilvm>/threading.py'>\n\
                  KeyboardInterrupt: \n",
            );
            interrupted = true;
        }
        if !interrupted {
            self.run_atexit();
        }
        self.interp.flush_stdout();
        // The registered modules' exit work (multiprocessing joins its children there).
        self.run_exit_hooks(interrupted);
        status
    }

    /// Print an uncaught exception (or handle SystemExit) and return the exit status.
    pub fn report_uncaught(&mut self, err: &PyErr) -> i32 {
        let system_exit = self.types().system_exit.clone();
        if self.err_is(err, &system_exit) {
            let args = crate::object::error::exc_args(&err.0, self);
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
                    let _ = self.interp.write_stderr(format!("{text}\n").as_bytes());
                    1
                }
            };
        }
        let text = self.format_exception(err);
        self.interp.flush_stdout();
        let _ = self.interp.write_stderr(text.as_bytes());
        1
    }
}
