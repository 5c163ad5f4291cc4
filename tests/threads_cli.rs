//! Threads through the command line: a locked counter stays exact under every GIL policy and
//! several switch settings, a deadlock is reported instead of hanging, and `--gil-stats`
//! prints its table. (The threading semantics themselves are differential cases under
//! tests/cases/threading and tests/cases/queue; the switching rules are unit tests in
//! crates/vm/src/tests/threads.rs.)

use crate::util;

fn script(name: &str) -> String {
    util::root()
        .join("tests/threads")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn locked_counter_is_exact_at_every_policy_and_interval() {
    let path = script("locked_counter.py");
    // Sized for a debug build on a loaded 2-core machine: 8 x 100 000 increments (the script's
    // default, what the release benchmarks use) took a debug build 22 s on an idle machine and
    // past the 30 s timeout under load. 8 x 5 000 under the defaults, then 8 x 1 000 across
    // the settings, still contend for the lock thousands of times per run.
    let mut runs: Vec<(Vec<String>, &str, &str)> = vec![(vec![], "5000", "40000 True")];
    for policy in ["fifo", "naive", "io-priority"] {
        for (instructions, interval) in [("100", "15"), ("7", "0"), ("0", "0.2"), ("1000", "1")] {
            runs.push((
                vec![
                    "--gil-policy".into(),
                    policy.into(),
                    "--switch-instructions".into(),
                    instructions.into(),
                    "--switch-interval".into(),
                    interval.into(),
                ],
                "1000",
                "8000 True",
            ));
        }
    }
    for (flags, n, want) in runs {
        let mut args: Vec<&str> = vec!["run"];
        args.extend(flags.iter().map(String::as_str));
        args.push(&path);
        args.push(n);
        let out = util::gilvm(&args, b"", None);
        assert_eq!(out.status, Some(0), "{args:?}\n{}", out.dump());
        assert_eq!(out.stdout.trim(), want, "{args:?}\n{}", out.dump());
    }
}

#[test]
fn deadlock_is_reported_not_hung() {
    let path = script("deadlock.py");
    let out = util::gilvm(&["run", &path], b"", None);
    assert!(!out.timed_out, "gilvm hung on a deadlock\n{}", out.dump());
    assert_eq!(out.status, Some(1), "{}", out.dump());
    assert_eq!(out.stdout, "started\n", "{}", out.dump());
    for needle in [
        "deadlock",
        "thread 'MainThread' waits on Thread.join at ",
        "deadlock.py:28",
        "thread 'one' waits on Lock.acquire at ",
        "deadlock.py:12",
        "thread 'two' waits on Lock.acquire at ",
        "deadlock.py:19",
    ] {
        assert!(
            out.stderr.contains(needle),
            "the report should mention {needle:?}\n{}",
            out.dump()
        );
    }
}

#[test]
fn gil_stats_prints_a_row_per_thread() {
    let path = script("locked_counter.py");
    let out = util::gilvm(&["run", "--gil-stats", &path, "2000"], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "16000 True\n", "{}", out.dump());
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert!(
        lines.first().is_some_and(|l| l.starts_with("thread")
            && l.contains("running ms")
            && l.contains("waiting ms")
            && l.contains("blocked ms")
            && l.contains("acquired")
            && l.contains("forced")
            && l.contains("voluntary")),
        "{}",
        out.dump()
    );
    assert!(
        lines.iter().any(|l| l.starts_with("MainThread")),
        "{}",
        out.dump()
    );
    for i in 1..=8 {
        let name = format!("Thread-{i} (work)");
        assert!(
            lines.iter().any(|l| l.starts_with(&name)),
            "no row for {name}\n{}",
            out.dump()
        );
    }
    assert!(
        lines.last().is_some_and(|l| l.starts_with("total")),
        "{}",
        out.dump()
    );
    // Without the flag, nothing on stderr.
    let quiet = util::gilvm(&["run", &path, "2000"], b"", None);
    assert_eq!(quiet.stderr, "", "{}", quiet.dump());
}

#[test]
fn gil_flags_are_checked() {
    for bad in [
        ["--gil-policy", "bogus"],
        ["--switch-interval", "-1"],
        ["--switch-instructions", "x"],
    ] {
        let out = util::gilvm(&["run", bad[0], bad[1], "x.py"], b"", None);
        assert_eq!(out.status, Some(2), "{bad:?}\n{}", out.dump());
    }
    let out = util::gilvm(
        &[
            "--switch-interval",
            "0.5",
            "--gil-policy",
            "io-priority",
            "-c",
            "import sys; print(sys.getswitchinterval())",
        ],
        b"",
        None,
    );
    assert_eq!(out.stdout, "0.0005\n", "{}", out.dump());
}

#[test]
fn a_worker_inherits_the_live_switch_interval() {
    let path = script("worker_interval.py");
    let out = util::gilvm(&["run", "--switch-interval", "0.5", &path], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "0.0005\n0.0123\n1e-07\n", "{}", out.dump());
}

#[test]
fn uncaught_thread_exception_ends_as_cpythons() {
    let out = util::gilvm(&["run", &script("uncaught.py")], b"", None);
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "done\n", "{}", out.dump());
    assert!(
        out.stderr
            .starts_with("Exception in thread Thread-1 (f):\nTraceback (most recent call last):\n"),
        "{}",
        out.dump()
    );
    // CPython's excepthook ends with the exception line: no blank line after it.
    assert!(
        out.stderr
            .ends_with("    raise ValueError(\"boom\")\nValueError: boom\n"),
        "{}",
        out.dump()
    );
}
