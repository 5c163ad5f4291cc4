//! Native work that releases the GIL, as CPython's C modules do: four threads hashing four
//! 20 MB buffers, and two threads compressing and decompressing 9 MB buffers with zlib, all
//! finish with the right results, and `--gil-stats` shows each worker spent its time blocked
//! (GIL released inside hashlib / zlib, so the other thread could run), not running bytecode
//! under the lock.

use crate::util;

/// Run `script` (under tests/threads) with `--gil-stats`, check its stdout, and check that each
/// of the `workers` threads named `Thread-N (work)` was blocked at least five times as long as
/// it ran holding the GIL.
fn check_workers_blocked(script: &str, stdout: &str, workers: usize, what: &str) {
    let path = util::root()
        .join("tests/threads")
        .join(script)
        .to_string_lossy()
        .into_owned();
    let out = util::gilvm(&["run", "--gil-stats", &path], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, stdout, "{}", out.dump());
    for i in 1..=workers {
        let name = format!("Thread-{i} (work)");
        let row = out
            .stderr
            .lines()
            .find(|l| l.starts_with(&name))
            .unwrap_or_else(|| panic!("no row for {name}\n{}", out.dump()));
        let cols: Vec<f64> = row[name.len()..]
            .split_whitespace()
            .take(3)
            .map(|c| c.parse().unwrap())
            .collect();
        let (running, blocked) = (cols[0], cols[2]);
        assert!(
            blocked > 5.0 * running,
            "{name} {what} with the GIL held (running {running} ms, blocked {blocked} ms)\n{}",
            out.dump()
        );
    }
}

#[test]
fn hashlib_threads_release_the_gil() {
    check_workers_blocked("hash_threads.py", "4 cd52d81e25f372e6\n", 4, "hashed");
}

#[test]
fn zlib_threads_release_the_gil() {
    check_workers_blocked(
        "zlib_threads.py",
        "[(33757, 971656512), (33630, 2482528220)]\n",
        2,
        "compressed",
    );
}
