//! Limits over the whole process tree (issue 18): `--max-memory`, `--max-instructions` and
//! `--timeout` hold for `multiprocessing.Process` and `Pool` workers too (crates/stdlib/src/
//! multiprocessing/tree.rs). A worker past a limit ends the whole run with the limit's status,
//! and no worker is left running — `concurrent.futures.ProcessPoolExecutor`'s workers too.

use std::process::Command;

use crate::multiprocessing::assert_no_workers;
use crate::util::{self, Scratch};

/// Run `source` under gilvm with `args` before the script; the output, once no worker is left.
fn run_limited(name: &str, args: &[&str], source: &str) -> util::Output {
    let scratch = Scratch::new(name);
    let script = scratch.write(&format!("{name}.py"), source);
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.args(args).arg(&script);
    let out = util::run(cmd, b"", util::timeout());
    assert_no_workers(&script);
    out
}

fn assert_ended(out: &util::Output, status: i32, message: &str) {
    assert_eq!(out.status, Some(status), "{}", out.dump());
    assert!(out.stderr.contains(message), "{}", out.dump());
    assert!(!out.stdout.contains("after"), "{}", out.dump());
}

const MEM_WORKER: &str = "import multiprocessing as mp, time\n\
def work(mb):\n    x = [[0] * 131072 for _ in range(mb)]\n    time.sleep(3)\n    return len(x)\n";

#[test]
fn a_process_allocating_past_the_memory_limit_ends_the_run() {
    let src = format!(
        "{MEM_WORKER}if __name__ == '__main__':\n    p = mp.Process(target=work, args=(400,))\n    \
         p.start()\n    p.join()\n    print('after', p.exitcode)\n"
    );
    let out = run_limited("tree_mem_process", &["--max-memory", "100"], &src);
    assert_ended(&out, 125, "memory limit of 100 MB exceeded");
}

#[test]
fn a_pool_worker_allocating_past_the_memory_limit_ends_the_run() {
    let src = format!(
        "{MEM_WORKER}if __name__ == '__main__':\n    with mp.Pool(2) as pool:\n        \
         print('after', pool.map(work, [1, 400]))\n"
    );
    let out = run_limited("tree_mem_pool", &["--max-memory", "100"], &src);
    assert_ended(&out, 125, "memory limit of 100 MB exceeded");
}

/// Memory is summed over the tree: two workers of ~64 MB each are over a limit of 100 MB,
/// though each alone is under it.
#[test]
fn the_memory_limit_is_summed_over_the_tree() {
    let src = format!(
        "{MEM_WORKER}if __name__ == '__main__':\n    ps = [mp.Process(target=work, args=(64,)) for _ in range(2)]\n    \
         for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n    print('after', [p.exitcode for p in ps])\n"
    );
    let out = run_limited("tree_mem_summed", &["--max-memory", "100"], &src);
    assert_ended(&out, 125, "memory limit of 100 MB exceeded");
}

const SPIN_WORKER: &str = "import multiprocessing as mp\n\
def work(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n";

#[test]
fn a_process_spinning_past_the_instruction_budget_ends_the_run() {
    let src = format!(
        "{SPIN_WORKER}if __name__ == '__main__':\n    p = mp.Process(target=work, args=(50_000_000,))\n    \
         p.start()\n    p.join()\n    print('after', p.exitcode)\n"
    );
    let out = run_limited(
        "tree_instr_process",
        &["--max-instructions", "2000000"],
        &src,
    );
    assert_ended(&out, 123, "instruction limit of 2000000 exceeded");
}

#[test]
fn a_pool_worker_spinning_past_the_instruction_budget_ends_the_run() {
    let src = format!(
        "{SPIN_WORKER}if __name__ == '__main__':\n    with mp.Pool(2) as pool:\n        \
         print('after', pool.map(work, [10, 50_000_000]))\n"
    );
    let out = run_limited("tree_instr_pool", &["--max-instructions", "2000000"], &src);
    assert_ended(&out, 123, "instruction limit of 2000000 exceeded");
}

#[test]
fn an_executor_worker_allocating_past_the_memory_limit_ends_the_run() {
    let src = format!(
        "{MEM_WORKER}import concurrent.futures as cf\n\
         if __name__ == '__main__':\n    with cf.ProcessPoolExecutor(2) as ex:\n        \
         print('after', list(ex.map(work, [1, 400])))\n"
    );
    let out = run_limited("tree_mem_executor", &["--max-memory", "100"], &src);
    assert_ended(&out, 125, "memory limit of 100 MB exceeded");
}

#[test]
fn an_executor_worker_spinning_past_the_instruction_budget_ends_the_run() {
    let src = format!(
        "{SPIN_WORKER}import concurrent.futures as cf\n\
         if __name__ == '__main__':\n    with cf.ProcessPoolExecutor(2) as ex:\n        \
         print('after', list(ex.map(work, [10, 50_000_000])))\n"
    );
    let out = run_limited(
        "tree_instr_executor",
        &["--max-instructions", "2000000"],
        &src,
    );
    assert_ended(&out, 123, "instruction limit of 2000000 exceeded");
}

/// A grandchild (a worker's own Process) is held to the limit too.
#[test]
fn a_grandchild_spinning_past_the_budget_ends_the_run() {
    let src = format!(
        "{SPIN_WORKER}def middle():\n    p = mp.Process(target=work, args=(50_000_000,))\n    p.start()\n    p.join()\n    \
         print('after middle', p.exitcode)\n\
         if __name__ == '__main__':\n    p = mp.Process(target=middle)\n    p.start()\n    p.join()\n    print('after', p.exitcode)\n"
    );
    let out = run_limited(
        "tree_instr_grandchild",
        &["--max-instructions", "2000000"],
        &src,
    );
    assert_ended(&out, 123, "instruction limit of 2000000 exceeded");
}

#[test]
fn the_timeout_kills_spinning_workers() {
    let src = format!(
        "{SPIN_WORKER}if __name__ == '__main__':\n    with mp.Pool(2) as pool:\n        \
         print('after', pool.map(work, [10**12, 10**12]))\n"
    );
    let out = run_limited("tree_timeout_pool", &["--timeout", "1"], &src);
    assert_ended(&out, 124, "time limit of 1 s exceeded");
}
