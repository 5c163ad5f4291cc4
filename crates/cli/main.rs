//! The `gilvm` command line: a thin layer over the libraries. It parses arguments with clap,
//! reads the script, compiles it and hands it to the VM on a thread with a large stack.

#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use gilvm_stdlib::multiprocessing as mp;
use gilvm_vm::runtime::gil::{self, GilPolicy};
use gilvm_vm::{Vm, VmConfig};

mod interrupt;
mod limits;
mod pipes;

const EXAMPLES: &str = "\
Examples:
  gilvm programs/hello.py              run a script (same as `gilvm run programs/hello.py`)
  gilvm run programs/fib.py 25         run a script with arguments (sys.argv[1] == '25')
  gilvm -c 'print(6 * 7)'              run a one-line program
  gilvm --timeout 5 --max-memory 512 x.py   stop x.py after 5 s or 512 MB (status 124 / 125)
  gilvm --max-instructions 1000000 x.py      stop x.py after a million instructions (status 123)
  gilvm run --gil-stats --switch-interval 5 programs/cpu_threads.py
                                       run with a 5 ms switch interval, print GIL stats
  gilvm dis programs/fib.py            show the bytecode of a script";

/// gilvm: a Python-subset interpreter whose global interpreter lock you can see and tune.
#[derive(Parser, Debug)]
#[command(name = "gilvm", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Run CODE as the program (sys.argv[0] is '-c').
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,

    #[command(flatten)]
    limits: LimitArgs,

    #[command(flatten)]
    gil: GilArgs,

    /// A script to run, followed by its arguments.
    #[arg(
        value_name = "FILE [ARGS]...",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    script: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a script: `gilvm run FILE [ARGS]...`
    Run(RunArgs),
    /// Print a script's bytecode.
    Dis(DisArgs),
    /// Run CPU-bound, IO-bound and mixed jobs sequentially and with threads, processes and
    /// coroutines, and compare them.
    Compare(gilvm_lab::args::CompareArgs),
    /// Run a mixed workload across GIL switch intervals, instruction counts and policies.
    Sweep(gilvm_lab::args::SweepArgs),
    /// A multiprocessing worker (started by gilvm itself; its stdin is the link to its parent).
    #[command(name = "__mp-worker", hide = true)]
    MpWorker(MpWorkerArgs),
}

#[derive(Args, Debug)]
struct MpWorkerArgs {
    /// Send the threads' GIL reports to the parent (its switch settings come in the start
    /// message, exactly as the parent had them at the spawn).
    #[arg(long)]
    gil_stats: bool,
    /// Record GIL events for the parent's trace (with --gil-stats).
    #[arg(long)]
    gil_trace: bool,
    /// The parent's limits (a worker's memory limit and instruction budget; see
    /// crates/stdlib/src/multiprocessing/tree.rs).
    #[command(flatten)]
    limits: LimitArgs,
    /// The parent's main script (informational: the source comes from the parent).
    script: Option<String>,
}

/// Limits on a run (see crates/cli/limits.rs).
#[derive(Args, Debug, Clone, Copy)]
struct LimitArgs {
    /// End the program after SECONDS of wall-clock time (exit status 124).
    #[arg(long, value_name = "SECONDS", value_parser = limits::parse_seconds, allow_negative_numbers = true)]
    timeout: Option<f64>,
    /// End the program when it uses more than MB megabytes of memory (exit status 125); a
    /// single allocation larger than that raises MemoryError.
    #[arg(long = "max-memory", value_name = "MB", value_parser = limits::parse_megabytes, allow_negative_numbers = true)]
    max_memory: Option<u64>,
    /// End the program after N bytecode instructions, counted over all its threads (exit
    /// status 123); Python code cannot catch it.
    #[arg(long = "max-instructions", value_name = "N", value_parser = limits::parse_instructions, allow_negative_numbers = true)]
    max_instructions: Option<u64>,
}

impl LimitArgs {
    fn start(self) {
        limits::start(limits::Limits {
            timeout: self.timeout,
            max_memory_mb: self.max_memory,
        });
    }
}

/// The GIL's knobs (crates/vm/src/gil), on every command that runs code.
#[derive(Args, Debug, Clone)]
struct GilArgs {
    /// Instructions a thread runs before it must hand the GIL to a waiting thread (0 = never
    /// by count).
    #[arg(
        long,
        value_name = "N",
        default_value_t = gil::DEFAULT_SWITCH_INSTRUCTIONS,
        allow_negative_numbers = true
    )]
    switch_instructions: u32,
    /// Milliseconds a waiting thread waits before it asks the holder to hand the GIL over
    /// (fractions allowed; 0 = never by time). Scripts change it with sys.setswitchinterval.
    #[arg(long, value_name = "MS", default_value_t = Millis(gil::DEFAULT_SWITCH_INTERVAL), value_parser = parse_millis, allow_negative_numbers = true)]
    switch_interval: Millis,
    /// Who gets the GIL on a forced switch: fifo (the longest waiter), naive (release and
    /// grab again, Python 2), io-priority (fifo, and a thread back from I/O asks at once).
    #[arg(long, value_name = "P", default_value = "fifo")]
    gil_policy: GilPolicy,
    /// At exit, print each thread's GIL statistics (time running, waiting for the GIL and
    /// blocked; acquisitions; forced and voluntary switches) on stderr.
    #[arg(long)]
    gil_stats: bool,
}

impl GilArgs {
    /// The GIL's start-up configuration from these flags; `events`: record every transition,
    /// `reports`: keep each thread's report (for `--gil-stats` and the lab's outputs).
    fn config(&self, events: bool, reports: bool) -> gil::GilConfig {
        gil::GilConfig {
            policy: self.gil_policy,
            switch_instructions: self.switch_instructions,
            switch_interval: self.switch_interval.0,
            tracing: events,
            keep_reports: reports,
            ..gil::GilConfig::default()
        }
    }
}

/// A `--switch-interval`: read and shown in milliseconds, held as the GIL's `Duration`.
#[derive(Clone, Copy, Debug)]
struct Millis(std::time::Duration);

impl std::fmt::Display for Millis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.as_nanos() as f64 / 1e6)
    }
}

fn parse_millis(s: &str) -> Result<Millis, String> {
    match s.parse::<f64>() {
        // Whole nanoseconds (`as` saturates: past 584 years the interval is as good as off).
        Ok(ms) if ms.is_finite() && ms >= 0.0 => Ok(Millis(std::time::Duration::from_nanos(
            (ms * 1e6).round() as u64,
        ))),
        _ => Err(format!("'{s}' is not a number of milliseconds >= 0")),
    }
}

#[derive(Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    limits: LimitArgs,

    #[command(flatten)]
    gil: GilArgs,
    /// The script to run.
    file: String,
    /// Arguments passed to the script as sys.argv[1:].
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
    #[command(flatten)]
    lab: LabRunArgs,
}

/// The lab's outputs of a run (gilvm-lab writes them from the threads' GIL reports).
#[derive(Args, Debug, Default)]
struct LabRunArgs {
    /// Write a Chrome trace of the threads' GIL states to FILE (open it in Perfetto).
    #[arg(long, value_name = "FILE")]
    trace: Option<std::path::PathBuf>,
    /// Write an SVG timeline of the threads' GIL states to FILE.
    #[arg(long, value_name = "FILE")]
    timeline: Option<std::path::PathBuf>,
    /// Write the threads' GIL statistics as JSON to FILE (for `gilvm compare`).
    #[arg(long, value_name = "FILE", hide = true)]
    stats_json: Option<std::path::PathBuf>,
    /// Record GIL events in the --stats-json file.
    #[arg(long, hide = true)]
    stats_events: bool,
}

#[derive(Args, Debug)]
struct DisArgs {
    /// The script to disassemble.
    file: String,
}

impl LabRunArgs {
    /// Is any lab output asked for?
    fn wanted(&self) -> bool {
        self.trace.is_some() || self.timeline.is_some() || self.stats_json.is_some()
    }

    /// Must the GIL record every transition?
    fn events(&self) -> bool {
        self.trace.is_some() || self.timeline.is_some() || self.stats_events
    }
}

/// Stack size of the interpreter thread (shared with the sandbox runner and its fuzz target).
const INTERPRETER_STACK: usize = gilvm_vm::runtime::stack_guard::INTERPRETER_STACK;

fn main() -> ExitCode {
    pipes::install();
    // The standard library's leaf modules, before any interpreter starts (workers too).
    gilvm_stdlib::register();
    let cli = Cli::parse();
    let status = match cli.command {
        Some(Command::Run(run)) => {
            run.limits.start();
            run_file(&run.file, run.args, run.gil, run.lab, run.limits)
        }
        Some(Command::Dis(dis)) => dis_file(&dis.file),
        Some(Command::Compare(args)) => gilvm_lab::cli::compare_main(&args),
        Some(Command::Sweep(args)) => gilvm_lab::cli::sweep_main(&args),
        Some(Command::MpWorker(w)) => {
            let settings = gilvm_stdlib::multiprocessing::WorkerSettings {
                report: w.gil_stats,
                tracing: w.gil_trace,
                max_instructions: w.limits.max_instructions,
                max_memory_mb: w.limits.max_memory,
            };
            w.limits.start();
            // A worker gets Ctrl-C too (it is in its parent's process group, as CPython's are).
            on_interpreter_thread(move || {
                gilvm_stdlib::multiprocessing::worker_main(settings, interrupt::set_interp)
            })
        }
        None => {
            cli.limits.start();
            match (cli.code, cli.script.split_first()) {
                (Some(code), _) => {
                    let mut argv = vec!["-c".to_string()];
                    argv.extend(cli.script.iter().cloned());
                    run_source(
                        "<string>",
                        code,
                        argv,
                        cli.gil,
                        LabRunArgs::default(),
                        cli.limits,
                    )
                }
                (None, Some((file, _))) if unknown_option(file).is_some() => {
                    pipes::err(&unknown_option(file).unwrap_or_default());
                    2
                }
                (None, Some((file, args))) => run_file(
                    file,
                    args.to_vec(),
                    cli.gil,
                    LabRunArgs::default(),
                    cli.limits,
                ),
                (None, None) => {
                    pipes::err(&format!("gilvm: no script given (an interactive prompt is not supported)\n\n{EXAMPLES}\n"));
                    2
                }
            }
        }
    };
    // An uncaught KeyboardInterrupt ends the process by SIGINT, as in CPython (status 130).
    interrupt::exit_if_interrupted();
    // The OS keeps the low 8 bits of a status, as for CPython (`sys.exit(-1)` is 255).
    ExitCode::from((status & 0xff) as u8)
}

/// CPython's words for a script it cannot read: `can't open file '/abs/path/x.py': [Errno 2] No
/// such file or directory` (the path joined to the working directory, not normalised).
fn cant_open(path: &str, err: &std::io::Error) -> String {
    let shown = match std::env::current_dir() {
        Ok(cwd) if !std::path::Path::new(path).is_absolute() => {
            cwd.join(path).to_string_lossy().into_owned()
        }
        _ => path.to_string(),
    };
    // io::Error says "No such file or directory (os error 2)"; CPython "[Errno 2] No such ...".
    let text = err.to_string();
    match err.raw_os_error() {
        Some(errno) => {
            let reason = text
                .strip_suffix(&format!(" (os error {errno})"))
                .unwrap_or(&text);
            format!("can't open file '{shown}': [Errno {errno}] {reason}")
        }
        None => format!("can't open file '{shown}': {text}"),
    }
}

/// An option before the script that gilvm does not know, as python3 reports it (`unknown
/// option --bogus`, `Unknown option: -z`), with the usage lines; `None` for a script name.
fn unknown_option(first: &str) -> Option<String> {
    if first == "-" || !first.starts_with('-') {
        return None;
    }
    let what = if first.starts_with("--") {
        format!("unknown option {first}")
    } else {
        format!("Unknown option: {first}")
    };
    Some(format!(
        "{what}\nusage: gilvm [OPTIONS] FILE [ARGS]... | gilvm -c CODE [ARGS]... | gilvm COMMAND ...\n\
         Try `gilvm --help' for more information.\n"
    ))
}

/// Read a script as UTF-8, reporting a missing file or bad encoding the way a user can act on.
fn read_script(path: &str) -> Result<String, i32> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            pipes::err(&format!("gilvm: {}\n", cant_open(path, &err)));
            return Err(2);
        }
    };
    // CPython refuses a NUL byte anywhere in a source file, string literals included.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        pipes::err(&format!("{path}:{line}: the file contains a NUL byte\n"));
        pipes::err("SyntaxError: source code cannot contain null bytes\n");
        return Err(1);
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = offset - bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        pipes::err(&format!("{path}:{line}:{col}: the file is not valid UTF-8\n"));
        pipes::err(&format!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared\n",
            bytes[offset]
        ));
        1
    })
}

fn run_file(
    path: &str,
    args: Vec<String>,
    gil: GilArgs,
    lab: LabRunArgs,
    limits: LimitArgs,
) -> i32 {
    let source = match read_script(path) {
        Ok(source) => source,
        Err(status) => return status,
    };
    let mut argv = vec![path.to_string()];
    argv.extend(args);
    run_source(path, source, argv, gil, lab, limits)
}

/// Compile and run a program on the interpreter thread; returns the exit status.
fn run_source(
    filename: &str,
    source: String,
    argv: Vec<String>,
    gil: GilArgs,
    lab: LabRunArgs,
    limits: LimitArgs,
) -> i32 {
    let filename = filename.to_string();
    on_interpreter_thread(move || {
        let code = match gilvm_compiler::compile_source(&source, &filename) {
            Ok(code) => code,
            Err(err) => {
                pipes::err(&err.render(&filename, &source, std::io::stderr().is_terminal()));
                return 1;
            }
        };
        let mut vm = Vm::new(VmConfig {
            argv,
            gil: gil.config(lab.events(), gil.gil_stats || lab.wanted()),
            max_instructions: limits.max_instructions,
            ..VmConfig::default()
        });
        limits::set_interp(vm.interp.clone());
        interrupt::set_interp(vm.interp.clone());
        let interp = vm.interp.clone();
        if gil.gil_stats || lab.wanted() {
            // multiprocessing workers send their threads' reports at their end.
            mp::collect_worker_reports();
        }
        let status = vm.run_main(code, Arc::from(source));
        // The main thread lets go of the GIL for good and files its report.
        drop(vm);
        if gil.gil_stats || lab.wanted() {
            let reports = interp.gil.take_reports();
            let workers = mp::take_worker_reports(&interp.gil);
            if gil.gil_stats {
                pipes::err(&gilvm_lab::cli::format_run_stats(&reports, &workers));
            }
            if let Err(err) = gilvm_lab::cli::write_run_outputs(
                &reports,
                &workers,
                &filename,
                lab.stats_json.as_deref(),
                lab.trace.as_deref(),
                lab.timeline.as_deref(),
            ) {
                pipes::err(&format!("gilvm: {err}\n"));
            }
        }
        status
    })
}

fn dis_file(path: &str) -> i32 {
    let source = match read_script(path) {
        Ok(source) => source,
        Err(status) => return status,
    };
    let path = path.to_string();
    on_interpreter_thread(
        move || match gilvm_compiler::compile_source(&source, &path) {
            Ok(code) => {
                pipes::out(&gilvm_compiler::dis::disassemble(&code));
                0
            }
            Err(err) => {
                pipes::err(&err.render(&path, &source, std::io::stderr().is_terminal()));
                1
            }
        },
    )
}

fn on_interpreter_thread(work: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let spawned = std::thread::Builder::new()
        .name("gilvm-main".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(|| {
            // Native re-entry raises RecursionError past 3/4 of the stack (the rest is the
            // margin for native code between two checks).
            gilvm_vm::runtime::stack_guard::set_stack_budget(
                gilvm_vm::runtime::stack_guard::INTERPRETER_BUDGET,
            );
            work()
        });
    match spawned.map(|handle| handle.join()) {
        Ok(Ok(status)) => status,
        Ok(Err(_)) => {
            pipes::err(
                "gilvm: internal error (the interpreter thread panicked); please report this with the script\n",
            );
            70
        }
        Err(err) => {
            pipes::err(&format!(
                "gilvm: cannot start the interpreter thread: {err}\n"
            ));
            1
        }
    }
}
