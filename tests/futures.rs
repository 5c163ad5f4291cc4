//! concurrent.futures beyond the differential cases: every case of tests/cases/futures and
//! programs/primes_executors.py, run from a scratch copy (so their workers can be told
//! apart), ends in time and leaves no worker process behind, nor does a pool shut down
//! without waiting while its task runs (the task is finished at exit, as in CPython).

use std::process::Command;

use crate::multiprocessing::assert_no_workers;
use crate::util::{self, Scratch};

#[test]
fn the_futures_cases_leave_no_workers() {
    let scratch = Scratch::new("futures_cases");
    let dir = util::root().join("tests/cases/futures");
    let mut scripts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("cases dir").flatten() {
        let path = e.path();
        if path.extension().is_some_and(|x| x == "py") {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            scripts.push(scratch.write(&name, std::fs::read(&path).expect("read case")));
        }
    }
    let program = util::root().join("programs/primes_executors.py");
    scripts.push(scratch.write(
        "primes_executors.py",
        std::fs::read(program).expect("read program"),
    ));
    assert!(scripts.len() >= 10, "at least 10 futures cases");
    for script in &scripts {
        let mut cmd = Command::new(util::gilvm_bin());
        cmd.arg(script).current_dir(&scratch.path);
        let out = util::run(cmd, b"", util::timeout());
        assert!(!out.timed_out, "{}: {}", script.display(), out.dump());
        assert_no_workers(script);
    }
}

#[test]
fn a_pool_shut_down_without_waiting_finishes_and_leaves_no_worker() {
    let scratch = Scratch::new("futures_abandoned");
    let script = scratch.write(
        "abandoned.py",
        "import time\n\
         from concurrent.futures import ProcessPoolExecutor\n\
         def slow(x):\n    time.sleep(0.3)\n    print('task done', flush=True)\n\
         if __name__ == '__main__':\n\
         \x20   ex = ProcessPoolExecutor(2)\n\
         \x20   f = ex.submit(slow, 1)\n\
         \x20   time.sleep(0.2)\n\
         \x20   print('running', f.running(), flush=True)\n\
         \x20   ex.shutdown(wait=False)\n",
    );
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.arg(&script).current_dir(&scratch.path);
    let out = util::run(cmd, b"", util::timeout());
    assert!(!out.timed_out, "{}", out.dump());
    assert_eq!(out.stdout, "running True\ntask done\n", "{}", out.dump());
    assert_no_workers(&script);
}
