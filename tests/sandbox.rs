//! The instruction limit (instr_limit.rs) and the sandbox (sandbox.rs), through
//! `sandbox::run_sandboxed` (what the `run` fuzz target calls) and, for threads, a plain VM.
//! The standard library's modules are registered as the binary registers them. (They lived in
//! the vm crate's own test binary, away from the GIL's timing tests, until the modules they
//! import moved to gilvm-stdlib.)

use gilvm_vm::runtime::instr_limit::INSTRUCTION_LIMIT_STATUS;
use gilvm_vm::runtime::sandbox::{run_sandboxed, SandboxRun, CAPTURE_LIMIT};
use gilvm_vm::{Vm, VmConfig};

fn run(src: &str, max: Option<u64>) -> (i32, String, String) {
    gilvm_stdlib::register();
    let SandboxRun {
        status,
        stdout,
        stderr,
    } = run_sandboxed(src, "prog.py", max);
    (
        status,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// Expect the program to be stopped by a limit of `max`; returns its stdout.
fn stopped(src: &str, max: u64) -> String {
    let (status, out, err) = run(src, Some(max));
    assert_eq!(
        status, INSTRUCTION_LIMIT_STATUS,
        "stdout {out:?} stderr {err:?}"
    );
    assert_eq!(err, format!("gilvm: instruction limit of {max} exceeded\n"));
    out
}

#[test]
fn an_endless_loop_is_stopped() {
    stopped("while True:\n    pass\n", 10_000);
}

#[test]
fn no_handler_catches_it_and_finally_blocks_do_not_run() {
    let src = r#"
n = 0
while True:
    try:
        try:
            while True:
                n += 1
        except BaseException:
            print("caught")
        except:
            print("bare")
        finally:
            print("finally")
    except BaseException:
        print("outer")
"#;
    assert_eq!(stopped(src, 50_000), "");
}

#[test]
fn with_blocks_do_not_swallow_it() {
    let src = r#"
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit")
        return True
while True:
    with Swallow():
        while True:
            pass
"#;
    assert_eq!(stopped(src, 20_000), "");
}

#[test]
fn the_count_is_close_to_exact() {
    // `for i in range(1000): pass` runs three instructions per iteration.
    let prog = "for i in range(1000):\n    pass\nprint('done')\n";
    assert_eq!(run(prog, Some(4_000)), (0, "done\n".into(), String::new()));
    stopped(prog, 2_900);
    let small = "print(sum([1, 2, 3]))\n";
    assert_eq!(run(small, Some(50)), (0, "6\n".into(), String::new()));
    stopped("x = 0\nwhile x < 100:\n    x += 1\n", 100);
}

#[test]
fn instructions_in_nested_runs_are_counted() {
    // Each sorted() call runs the key function 50 times in nested runs of the eval loop; they
    // must count (a stale countdown in the outer loop once hid them).
    let src = r#"
def key(x):
    s = 0
    for i in range(3):
        s += i
    return x
n = 0
while True:
    n += 1
    sorted(range(50), key=key)
    if n == 2000:
        print("not stopped")
        break
"#;
    // 2000 rounds of 50 calls of ~25 instructions: far above the limit.
    assert_eq!(stopped(src, 300_000), "");
}

#[test]
fn generators_cannot_swallow_it() {
    let src = r#"
def g():
    try:
        while True:
            try:
                yield 1
            except BaseException:
                print("gen caught")
    finally:
        print("gen finally")
for x in g():
    try:
        pass
    except BaseException:
        print("caught")
"#;
    assert_eq!(stopped(src, 30_000), "");
}

#[test]
fn asyncio_tasks_and_callbacks_cannot_swallow_it() {
    let src = r#"
import asyncio
async def spin():
    while True:
        try:
            await asyncio.sleep(0)
        except BaseException:
            pass
def cb():
    while True:
        pass
async def main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.gather(spin(), spin(), return_exceptions=True)
    print("gathered")
asyncio.run(main())
"#;
    assert_eq!(stopped(src, 100_000), "");
}

#[test]
fn a_budget_is_shared_by_all_threads() {
    // Not sandboxed (threads are refused there): three spinning threads and a main thread
    // joining them; the budget is the interpreter's, so the program ends.
    let src = r#"
import threading
def spin():
    while True:
        try:
            pass
        except BaseException:
            pass
ts = [threading.Thread(target=spin) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("joined")
"#;
    let status = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let code = gilvm_compiler::compile_source(src, "prog.py").expect("compiles");
            let mut vm = Vm::new(VmConfig {
                max_instructions: Some(200_000),
                gil: gilvm_vm::runtime::gil::GilConfig {
                    switch_instructions: 50,
                    ..Default::default()
                },
                ..VmConfig::default()
            });
            let status = vm.run_main(code, src.into());
            let limit = vm.interp.instruction_limit.as_ref().expect("a limit");
            assert!(limit.exhausted());
            status
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert_eq!(status, INSTRUCTION_LIMIT_STATUS);
}

#[test]
fn no_limit_means_no_limit() {
    let src = "x = 0\nfor i in range(100000):\n    x += i\nprint(x)\n";
    assert_eq!(run(src, None), (0, "4999950000\n".into(), String::new()));
}

#[test]
fn sandbox_refuses_modules() {
    let src = r#"
try:
    import os
except ImportError as e:
    print(type(e).__name__, e)
try:
    import threading
except ImportError as e:
    print(type(e).__name__, e)
try:
    from multiprocessing import Process
except ImportError as e:
    print(type(e).__name__, e)
try:
    import queue
except ImportError as e:
    print(type(e).__name__, e)
import math, random, sys
print(math.sqrt(16.0))
"#;
    let (status, out, err) = run(src, Some(100_000));
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "ImportError import of 'os' is not allowed in the gilvm sandbox\n\
         ImportError import of 'threading' is not allowed in the gilvm sandbox\n\
         ImportError import of 'multiprocessing' is not allowed in the gilvm sandbox\n\
         ImportError import of 'queue' is not allowed in the gilvm sandbox\n\
         4.0\n"
    );
}

#[test]
fn sandbox_refuses_files_stdin_and_sleep() {
    let src = r#"
import sys, time
def attempt(f):
    try:
        f()
        print("allowed")
    except PermissionError as e:
        print(e)
attempt(lambda: open("/etc/passwd"))
attempt(lambda: open("x.txt", "w"))
attempt(lambda: input("name? "))
attempt(lambda: sys.stdin.read())
attempt(lambda: sys.stdin.readline())
attempt(lambda: time.sleep(100))
attempt(lambda: time.sleep(0))
print(time.time() > 0)
"#;
    let (status, out, err) = run(src, Some(100_000));
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "open() is not allowed in the gilvm sandbox\n\
         open() is not allowed in the gilvm sandbox\n\
         input() is not allowed in the gilvm sandbox\n\
         reading sys.stdin is not allowed in the gilvm sandbox\n\
         reading sys.stdin is not allowed in the gilvm sandbox\n\
         time.sleep() is not allowed in the gilvm sandbox\n\
         time.sleep() is not allowed in the gilvm sandbox\n\
         True\n"
    );
}

#[test]
fn sandbox_asyncio_runs_on_a_virtual_clock() {
    let src = r#"
import asyncio
async def late(n):
    await asyncio.sleep(n)
    return n
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    r = await asyncio.gather(late(3600), late(1800), late(7200))
    print(r, loop.time() - t0 >= 7200)
asyncio.run(main())
"#;
    let start = std::time::Instant::now();
    let (status, out, err) = run(src, Some(1_000_000));
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(out, "[3600, 1800, 7200] True\n");
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn sandbox_captures_output_and_tracebacks() {
    let src = "import sys\nprint('x' * 100000)\nsys.stderr.write('to stderr\\n')\n1 / 0\n";
    let (status, out, err) = run(src, Some(100_000));
    assert_eq!(status, 1);
    assert_eq!(
        out.len(),
        CAPTURE_LIMIT,
        "stdout is kept up to the capture limit"
    );
    assert!(
        err.starts_with("to stderr\nTraceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
    assert_eq!(run("import sys\nsys.exit(3)\n", None).0, 3);
}

#[test]
fn sandbox_reports_syntax_errors() {
    let (status, out, err) = run("def f(:\n", None);
    assert_eq!((status, out.as_str()), (1, ""));
    assert!(err.contains("SyntaxError"), "{err}");
}

#[test]
fn sandbox_survives_deep_native_recursion() {
    // The stack guard's budget holds on the sandbox thread: RecursionError, not a crash.
    let src = r#"
import sys
sys.setrecursionlimit(1000000)
x = []
for i in range(300000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError:
    print("RecursionError")
"#;
    let (status, out, _) = run(src, Some(5_000_000));
    assert_eq!((status, out.as_str()), (0, "RecursionError\n"));
}
