//! Native work that releases the GIL, as CPython's C modules do: four threads hashing four
//! 20 MB buffers, and two threads compressing and decompressing 9 MB buffers with zlib, all
//! finish with the right results, and `--gil-stats` shows each worker spent its time blocked
//! (GIL released inside hashlib / zlib, so the other thread could run), not running bytecode
//! under the lock.

use crate::util;

/// Run `script` (under tests/threads) with `--gil-stats`, check its stdout, and check that each
/// of the `workers` threads named `Thread-N (work)` was blocked at least five times as long as
/// it ran holding the GIL. Returns the blocked times of the main thread and of the workers.
fn check_workers_blocked(
    script: &str,
    stdout: &str,
    workers: usize,
    what: &str,
) -> (f64, Vec<f64>) {
    let path = util::root()
        .join("tests/threads")
        .join(script)
        .to_string_lossy()
        .into_owned();
    let out = util::gilvm(&["run", "--gil-stats", &path], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, stdout, "{}", out.dump());
    let blocked_ms = |row: &str, name: &str| -> Vec<f64> {
        row[name.len()..]
            .split_whitespace()
            .take(3)
            .map(|c| c.parse().unwrap())
            .collect()
    };
    let main_row = out
        .stderr
        .lines()
        .find(|l| l.starts_with("MainThread"))
        .unwrap_or_else(|| panic!("no row for MainThread\n{}", out.dump()));
    let main_blocked = blocked_ms(main_row, "MainThread")[2];
    let mut worker_blocked = Vec::new();
    for i in 1..=workers {
        let name = format!("Thread-{i} (work)");
        let row = out
            .stderr
            .lines()
            .find(|l| l.starts_with(&name))
            .unwrap_or_else(|| panic!("no row for {name}\n{}", out.dump()));
        let cols = blocked_ms(row, &name);
        let (running, blocked) = (cols[0], cols[2]);
        worker_blocked.push(blocked);
        assert!(
            blocked > 5.0 * running,
            "{name} {what} with the GIL held (running {running} ms, blocked {blocked} ms)\n{}",
            out.dump()
        );
    }
    (main_blocked, worker_blocked)
}

#[test]
fn hashlib_threads_release_the_gil() {
    check_workers_blocked("hash_threads.py", "4 cd52d81e25f372e6\n", 4, "hashed");
}

#[test]
fn zlib_threads_release_the_gil() {
    let (main, workers) = check_workers_blocked(
        "zlib_threads.py",
        "[(33757, 971656512), (33630, 2482528220)]\n",
        2,
        "compressed",
    );
    // The two workers were inside zlib at the same time: their blocked times add up to well
    // over the main thread's, which is about the span of the two (it waits in join).
    let sum: f64 = workers.iter().sum();
    assert!(
        sum > 1.3 * main,
        "zlib work did not overlap: workers blocked {workers:?} ms, main thread {main} ms"
    );
}
