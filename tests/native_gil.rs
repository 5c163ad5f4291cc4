//! Native work that releases the GIL, as CPython's C modules do: four threads hashing four
//! 20 MB buffers all finish with the right digests, and `--gil-stats` shows each worker spent
//! its time blocked (GIL released inside hashlib), not running bytecode under the lock.

use crate::util;

#[test]
fn hashlib_threads_release_the_gil() {
    let path = util::root()
        .join("tests/threads/hash_threads.py")
        .to_string_lossy()
        .into_owned();
    let out = util::gilvm(&["run", "--gil-stats", &path], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "4 cd52d81e25f372e6\n", "{}", out.dump());
    for i in 1..=4 {
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
            "{name} hashed with the GIL held (running {running} ms, blocked {blocked} ms)\n{}",
            out.dump()
        );
    }
}
