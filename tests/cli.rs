//! The command line: version, help, `-c`, running files with arguments, `dis`, and clean errors
//! (syntax errors, missing files, bad encodings, pathological nesting, runaway recursion).

use crate::util::{self, Output, Scratch};

/// Assert that gilvm ended cleanly with `status` (no panic, no signal, no timeout).
fn assert_status(out: &Output, status: i32, what: &str) {
    assert!(
        !out.stderr.contains("panicked"),
        "{what}: gilvm panicked\n{}",
        out.dump()
    );
    assert_eq!(
        out.status,
        Some(status),
        "{what}: expected exit status {status}\n{}",
        out.dump()
    );
}

/// Assert a clean failure: exit status 1 and a last stderr line `Type: message` with one of the
/// allowed exception types.
fn assert_clean_error(out: &Output, allowed: &[&str], what: &str) {
    assert_status(out, 1, what);
    let last = out.last_stderr_line();
    let ty = last.split(':').next().unwrap_or("");
    assert!(
        allowed.contains(&ty) && last.len() > ty.len() + 2,
        "{what}: the last line of stderr should be `{}: message`, got {last:?}\n{}",
        allowed.join("|"),
        out.dump()
    );
}

#[test]
fn version() {
    let out = util::gilvm(&["--version"], b"", None);
    assert_status(&out, 0, "--version");
    assert!(
        out.stdout.contains("gilvm") && out.stdout.contains(env!("CARGO_PKG_VERSION")),
        "--version should print the name and {}\n{}",
        env!("CARGO_PKG_VERSION"),
        out.dump()
    );
}

#[test]
fn help_mentions_commands_and_examples() {
    let out = util::gilvm(&["--help"], b"", None);
    assert_status(&out, 0, "--help");
    for needle in ["run", "dis", "-c", "Examples", "programs/"] {
        assert!(
            out.stdout.contains(needle),
            "--help should mention {needle:?}\n{}",
            out.dump()
        );
    }
}

#[test]
fn no_arguments_is_a_clean_usage_error() {
    let out = util::gilvm(&[], b"", None);
    assert!(
        !out.stderr.contains("panicked") && out.status.is_some_and(|s| s != 0),
        "gilvm with no arguments should fail with a usage message\n{}",
        out.dump()
    );
    assert!(!out.stderr.trim().is_empty(), "{}", out.dump());
}

#[test]
fn dash_c_runs_code() {
    let out = util::gilvm(&["-c", "print(6 * 7)"], b"", None);
    assert_status(&out, 0, "-c");
    assert_eq!(out.stdout, "42\n");
}

#[test]
fn dash_c_passes_argv() {
    let out = util::gilvm(&["-c", "import sys; print(sys.argv)", "a", "-b"], b"", None);
    assert_status(&out, 0, "-c with arguments");
    assert_eq!(out.stdout, "['-c', 'a', '-b']\n");
}

#[test]
fn dash_c_reads_stdin() {
    let out = util::gilvm(
        &["-c", "name = input(); print('hello', name.upper())"],
        b"world\n",
        None,
    );
    assert_status(&out, 0, "input()");
    assert_eq!(out.stdout, "hello WORLD\n");
}

#[test]
fn file_with_arguments_sets_sys_argv() {
    let dir = Scratch::new("argv");
    dir.write(
        "show_argv.py",
        "import sys\nprint(sys.argv[1:])\nprint(len(sys.argv))\n",
    );
    let expected = "['one', '--two', '3']\n4\n";
    let out = util::gilvm(&["show_argv.py", "one", "--two", "3"], b"", Some(&dir.path));
    assert_status(&out, 0, "gilvm FILE ARGS");
    assert_eq!(out.stdout, expected);
    let out = util::gilvm(
        &["run", "show_argv.py", "one", "--two", "3"],
        b"",
        Some(&dir.path),
    );
    assert_status(&out, 0, "gilvm run FILE ARGS");
    assert_eq!(out.stdout, expected);
}

#[test]
fn argv_zero_is_the_script_path() {
    let dir = Scratch::new("argv0");
    dir.write("a0.py", "import sys\nprint(sys.argv[0])\n");
    let out = util::gilvm(&["run", "a0.py"], b"", Some(&dir.path));
    assert_status(&out, 0, "sys.argv[0]");
    assert_eq!(out.stdout, "a0.py\n");
}

#[test]
fn sys_exit_status_is_the_process_status() {
    let out = util::gilvm(&["-c", "import sys\nprint('bye')\nsys.exit(3)"], b"", None);
    assert_status(&out, 3, "sys.exit(3)");
    assert_eq!(out.stdout, "bye\n");
    let out = util::gilvm(&["-c", "import sys; sys.exit('fatal: no way')"], b"", None);
    assert_status(&out, 1, "sys.exit(str)");
    assert_eq!(util::last_line(&out.stderr), "fatal: no way");
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let dir = Scratch::new("traceback");
    dir.write(
        "boom.py",
        "def inner(x):\n    return 10 // x\n\ndef outer():\n    return inner(0)\n\nprint('before')\nouter()\nprint('after')\n",
    );
    let out = util::gilvm(&["boom.py"], b"", Some(&dir.path));
    assert_status(&out, 1, "uncaught ZeroDivisionError");
    assert_eq!(
        out.stdout, "before\n",
        "stdout must be flushed, and stop at the error"
    );
    let expected = "Traceback (most recent call last):\n  File \"boom.py\", line 8, in <module>\n    outer()\n  File \"boom.py\", line 5, in outer\n    return inner(0)\n  File \"boom.py\", line 2, in inner\n    return 10 // x\nZeroDivisionError: integer division or modulo by zero\n";
    let got: String = out
        .stderr
        .lines()
        .filter(|l| !l.trim().chars().all(|c| c == '~' || c == '^') || l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(got, expected, "{}", out.dump());
}

#[test]
fn dis_prints_bytecode_with_function_names() {
    let out = util::gilvm(&["dis", "programs/fib.py"], b"", None);
    assert_status(&out, 0, "dis");
    for name in ["fib", "main", "<module>"] {
        assert!(
            out.stdout.contains(name),
            "dis output should name {name}\n{}",
            out.dump()
        );
    }
    assert!(
        out.stdout.lines().count() > 20,
        "dis output is suspiciously short\n{}",
        out.dump()
    );
}

#[test]
fn dis_does_not_run_the_script() {
    let dir = Scratch::new("dis-norun");
    dir.write("loud.py", "print('ran!')\n");
    let out = util::gilvm(&["dis", "loud.py"], b"", Some(&dir.path));
    assert_status(&out, 0, "dis");
    assert!(!out.stdout.lines().any(|l| l == "ran!"), "{}", out.dump());
}

#[test]
fn syntax_error_report() {
    let dir = Scratch::new("syntax");
    dir.write("bad.py", "x = 1\nif x == 1\n    print(x)\n");
    let out = util::gilvm(&["bad.py"], b"", Some(&dir.path));
    assert_clean_error(&out, &["SyntaxError"], "missing colon");
    assert!(
        out.stdout.is_empty(),
        "nothing runs before a syntax error\n{}",
        out.dump()
    );
    assert!(
        out.stderr.contains("bad.py:2:"),
        "the report should point at bad.py:LINE:COL\n{}",
        out.dump()
    );
    assert!(
        out.stderr.contains("if x == 1"),
        "the report should quote the source line\n{}",
        out.dump()
    );
    assert!(
        out.stderr.lines().any(|l| l.contains('^')),
        "the report should have a caret\n{}",
        out.dump()
    );
}

#[test]
fn syntax_error_in_dis_and_dash_c() {
    let dir = Scratch::new("syntax-dis");
    dir.write("bad.py", "def f(:\n    pass\n");
    let out = util::gilvm(&["dis", "bad.py"], b"", Some(&dir.path));
    assert_clean_error(&out, &["SyntaxError"], "dis of a bad file");
    let out = util::gilvm(&["-c", "print('unterminated)"], b"", None);
    assert_clean_error(&out, &["SyntaxError"], "-c with a syntax error");
    assert!(out.stdout.is_empty(), "{}", out.dump());
}

#[test]
fn indentation_error_kind() {
    let dir = Scratch::new("indent");
    dir.write("ind.py", "x = 1\n    y = 2\n");
    let out = util::gilvm(&["ind.py"], b"", Some(&dir.path));
    assert_clean_error(&out, &["IndentationError"], "unexpected indent");
    assert!(out.stderr.contains("ind.py:2:"), "{}", out.dump());
}

#[test]
fn missing_file_is_cpythons_error_with_status_2() {
    let dir = Scratch::new("missing");
    // python3's own words, with its executable's name replaced by gilvm's.
    let py = util::run(
        {
            let mut cmd = std::process::Command::new(util::python3());
            cmd.arg("no_such_file.py").current_dir(&dir.path);
            cmd
        },
        b"",
        util::timeout(),
    );
    assert_eq!(py.status, Some(2), "{}", py.dump());
    let (_, cpython) = py
        .stderr
        .trim_end()
        .split_once(": ")
        .expect("python3: message");
    for args in [
        vec!["no_such_file.py"],
        vec!["run", "no_such_file.py"],
        vec!["dis", "no_such_file.py"],
    ] {
        let out = util::gilvm(&args, b"", Some(&dir.path));
        assert_status(&out, 2, &format!("{args:?}"));
        assert_eq!(
            out.stderr.trim_end(),
            format!("gilvm: {cpython}"),
            "{args:?}"
        );
    }
    assert!(
        cpython.contains("[Errno 2] No such file or directory"),
        "{cpython}"
    );
}

#[test]
fn unknown_options_before_the_script_are_usage_errors() {
    let dir = Scratch::new("unknown-option");
    let script = dir.write("x.py", "print('ran')\n");
    for (flag, message) in [
        ("--bogus", "unknown option --bogus"),
        ("-z", "Unknown option: -z"),
    ] {
        let out = util::gilvm(&[flag, script.to_str().unwrap()], b"", None);
        assert_status(&out, 2, flag);
        assert_eq!(out.stdout, "", "{}", out.dump());
        assert_eq!(out.stderr.lines().next(), Some(message), "{}", out.dump());
        assert!(out.stderr.contains("usage: gilvm"), "{}", out.dump());
    }
    // After the script (or after -c CODE) an option is the script's argument, as in python3.
    let out = util::gilvm(&[script.to_str().unwrap(), "--bogus"], b"", None);
    assert_status(&out, 0, "an option after the script");
    let out = util::gilvm(
        &["-c", "import sys; print(sys.argv)", "--bogus", "-1"],
        b"",
        None,
    );
    assert_status(&out, 0, "options after -c CODE");
    assert_eq!(out.stdout, "['-c', '--bogus', '-1']\n");
    // In `run` a stray option before the file is clap's usage error.
    let out = util::gilvm(&["run", "--bogus", script.to_str().unwrap()], b"", None);
    assert_status(&out, 2, "run --bogus");
}

#[test]
fn negative_values_parse_the_same_in_every_form() {
    for (flag, message) in [
        ("--switch-interval", "is not a number of milliseconds >= 0"),
        ("--switch-instructions", "-1 is not in 0.."),
        ("--timeout", "expected a positive number of seconds"),
        ("--max-memory", "-1"),
        ("--max-instructions", "expected a positive whole number"),
    ] {
        let joined = format!("{flag}=-1");
        for args in [
            vec!["run", flag, "-1", "x.py"],
            vec!["run", &joined, "x.py"],
            vec![flag, "-1", "x.py"],
            vec![&joined, "x.py"],
        ] {
            let out = util::gilvm(&args, b"", None);
            assert_status(&out, 2, &format!("{args:?}"));
            assert!(
                out.stderr
                    .contains(&format!("invalid value '-1' for '{flag}"))
                    && out.stderr.contains(message),
                "{args:?}: want the range message\n{}",
                out.dump()
            );
        }
    }
}

/// Run `pipeline` in bash with `$GILVM` set to the binary; returns its stdout (the pipeline
/// ends with `echo status=${PIPESTATUS[0]}`).
fn pipeline(pipeline: &str) -> Output {
    let mut cmd = std::process::Command::new("bash");
    cmd.arg("-c")
        .arg(format!("{pipeline}; echo status=${{PIPESTATUS[0]}}"))
        .env("GILVM", util::gilvm_bin())
        .current_dir(util::root());
    util::run(cmd, b"", util::timeout())
}

/// A closed stdout or stderr never makes gilvm panic (status 101 or "internal error"): its own
/// messages are dropped quietly, and a Python program that prints into a closed pipe gets
/// CPython's BrokenPipeError (status 1), as python3 does.
#[test]
fn closed_pipes_never_panic() {
    let big = Scratch::new("pipes");
    let long_script = big.write("long.py", "x = 1\n".repeat(20_000));
    let long_script = long_script.to_str().unwrap();
    for (what, line, statuses) in [
        (
            "usage on a closed stderr",
            "\"$GILVM\" 2>&1 | head -0".to_string(),
            &[2][..],
        ),
        (
            "usage, 2 lines read",
            "\"$GILVM\" 2>&1 | head -2".to_string(),
            &[2],
        ),
        (
            "hello into head -0",
            "\"$GILVM\" programs/hello.py | head -0".to_string(),
            &[0, 1],
        ),
        (
            "--help into head -1",
            "\"$GILVM\" --help | head -1".to_string(),
            &[0],
        ),
        (
            "dis into head -1",
            format!("\"$GILVM\" dis {long_script} | head -1"),
            &[0],
        ),
        (
            "a print loop into head -1",
            "\"$GILVM\" -c 'for i in range(100000): print(i)' 2>&1 | head -1".to_string(),
            &[1],
        ),
        (
            "a missing file on a closed stderr",
            "\"$GILVM\" no_such_file.py 2>&1 | head -0".to_string(),
            &[2],
        ),
    ] {
        for _ in 0..3 {
            let out = pipeline(&line);
            let status = util::last_line(&out.stdout)
                .strip_prefix("status=")
                .and_then(|s| s.parse::<i32>().ok());
            assert!(
                status.is_some_and(|s| statuses.contains(&s)),
                "{what}: `{line}` ended with {status:?}, want one of {statuses:?}\n{}",
                out.dump()
            );
            assert!(!out.stdout.contains("panicked"), "{what}\n{}", out.dump());
        }
    }
    // python3 gives the same BrokenPipeError for the print loop.
    let out = pipeline("python3 -c 'for i in range(100000): print(i)' 2>/dev/null | head -1");
    assert_eq!(util::last_line(&out.stdout), "status=1", "{}", out.dump());
}

#[test]
fn invalid_utf8_is_a_clear_error() {
    let dir = Scratch::new("utf8");
    dir.write("latin1.py", b"x = 1\nprint('caf\xe9')\n");
    let out = util::gilvm(&["latin1.py"], b"", Some(&dir.path));
    assert_clean_error(&out, &["SyntaxError"], "invalid UTF-8");
    assert!(
        out.stderr.contains("UTF-8") && out.stderr.contains("latin1.py"),
        "the error should say the file is not UTF-8\n{}",
        out.dump()
    );
    assert!(out.stdout.is_empty(), "{}", out.dump());
}

/// Pathological nesting must either work or fail with a clean error, never crash.
fn assert_works_or_clean_error(source: String, expected_stdout: &str, what: &str) {
    let dir = Scratch::new("nesting");
    dir.write("deep.py", source);
    let out = util::gilvm(&["deep.py"], b"", Some(&dir.path));
    assert!(!out.timed_out, "{what}: gilvm hung\n{}", out.dump());
    if out.status == Some(0) {
        assert_eq!(out.stdout, expected_stdout, "{what}");
        assert!(!out.stderr.contains("panicked"), "{what}\n{}", out.dump());
    } else {
        // CPython itself stops at 100 indentation levels and 200 nested parentheses.
        assert_clean_error(
            &out,
            &[
                "SyntaxError",
                "IndentationError",
                "RecursionError",
                "MemoryError",
            ],
            what,
        );
    }
}

#[test]
fn deeply_nested_expressions_are_clean() {
    let n = 100_000;
    assert_works_or_clean_error(
        format!("x = {}1{}\nprint(x)\n", "(".repeat(n), ")".repeat(n)),
        "1\n",
        "nested parentheses",
    );
    assert_works_or_clean_error(
        format!("x = {}{}\nprint(len(x))\n", "[".repeat(n), "]".repeat(n)),
        "1\n",
        "nested lists",
    );
    assert_works_or_clean_error(
        format!("x = {}1\nprint(x)\n", "-".repeat(n)),
        "1\n",
        "repeated unary minus",
    );
    assert_works_or_clean_error(
        format!("x = {}1\nprint(x)\n", "1+".repeat(n)),
        &format!("{}\n", n + 1),
        "a long chain of additions",
    );
    assert_works_or_clean_error(
        format!("x = {}0{}\nprint(x)\n", "f(".repeat(n), ")".repeat(n)),
        "0\n",
        "nested calls",
    );
    let mut nested_ifs = String::new();
    for depth in 0..200 {
        nested_ifs.push_str(&" ".repeat(depth));
        nested_ifs.push_str("if True:\n");
    }
    nested_ifs.push_str(&" ".repeat(200));
    nested_ifs.push_str("print('deep')\n");
    assert_works_or_clean_error(nested_ifs, "deep\n", "deeply nested blocks");
}

#[test]
fn runaway_recursion_is_a_recursion_error() {
    let out = util::gilvm(
        &["-c", "def f(n):\n    return f(n + 1)\nprint('start')\nf(0)"],
        b"",
        None,
    );
    assert_status(&out, 1, "runaway recursion");
    assert_eq!(out.stdout, "start\n");
    assert!(
        out.last_stderr_line()
            .starts_with("RecursionError: maximum recursion depth exceeded"),
        "{}",
        out.dump()
    );
    assert!(
        out.stderr.starts_with("Traceback (most recent call last):"),
        "{}",
        out.dump()
    );
    assert!(
        out.stderr.len() < 20_000,
        "a recursion traceback should elide repeated frames ([Previous line repeated N more times])\n{}",
        util::truncate(&out.stderr, 3000)
    );
}

#[test]
fn runaway_recursion_through_dunder_methods_is_clean() {
    let code = "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())";
    let out = util::gilvm(&["-c", code], b"", None);
    assert_clean_error(&out, &["RecursionError"], "recursive __repr__");
    let code = "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(str(x)))";
    let out = util::gilvm(&["-c", code], b"", None);
    assert!(
        !out.timed_out && !out.stderr.contains("panicked") && out.status.is_some(),
        "str of a deeply nested list must not crash\n{}",
        out.dump()
    );
}

#[test]
fn raised_recursion_limit_allows_deep_recursion() {
    let code = "import sys\nsys.setrecursionlimit(30000)\ndef depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)\nprint(depth(25000))";
    let out = util::gilvm(&["-c", code], b"", None);
    assert_status(&out, 0, "deep recursion under a raised limit");
    assert_eq!(out.stdout, "25000\n");
}

#[test]
fn max_instructions_stops_a_loop_that_swallows_every_exception() {
    let code = "n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n    except BaseException:\n        print('caught')\n    finally:\n        print('finally')\n";
    let out = util::gilvm(&["--max-instructions", "100000", "-c", code], b"", None);
    assert_status(&out, 123, "--max-instructions");
    assert_eq!(
        out.stdout,
        "",
        "no handler or finally block runs\n{}",
        out.dump()
    );
    assert_eq!(out.stderr, "gilvm: instruction limit of 100000 exceeded\n");
    // The same on `run FILE`.
    let dir = Scratch::new("max_instructions");
    let path = dir.write("spin.py", code);
    let path = path.to_string_lossy().to_string();
    let out = util::gilvm(&["run", "--max-instructions", "100000", &path], b"", None);
    assert_status(&out, 123, "run --max-instructions");
    assert_eq!(out.stdout, "", "{}", out.dump());
    assert_eq!(out.stderr, "gilvm: instruction limit of 100000 exceeded\n");
}

#[test]
fn max_instructions_leaves_a_short_program_alone() {
    let out = util::gilvm(
        &[
            "--max-instructions",
            "1_000_000",
            "-c",
            "print(sum(i * i for i in range(1000)))",
        ],
        b"",
        None,
    );
    assert_status(&out, 0, "a program well under the limit");
    assert_eq!(out.stdout, "332833500\n");
}

#[test]
fn max_instructions_is_shared_by_threads() {
    // Two spinning threads and the main thread blocked in join: the interpreter's budget runs
    // out in the threads, and the program ends with the limit's status.
    let code = "import threading\ndef spin():\n    while True:\n        pass\nts = [threading.Thread(target=spin) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint('joined')\n";
    let out = util::gilvm(&["--max-instructions", "500000", "-c", code], b"", None);
    assert_status(&out, 123, "threads under --max-instructions");
    assert_eq!(out.stderr, "gilvm: instruction limit of 500000 exceeded\n");
}

#[test]
fn max_instructions_rejects_bad_values() {
    for bad in ["0", "-5", "ten", "1.5"] {
        let out = util::gilvm(&["--max-instructions", bad, "-c", "pass"], b"", None);
        assert_status(&out, 2, "a bad --max-instructions");
        assert!(out.stderr.contains("--max-instructions"), "{}", out.dump());
    }
}

/// A CPython builtin that gilvm lacks is a NameError that says so; a user's typo keeps
/// CPython's exact message. (Which builtins are missing changes as gilvm grows, so this test
/// picks them at run time: every name of python3's `dir(builtins)` that gilvm cannot load.)
#[test]
fn missing_cpython_builtins_say_not_supported() {
    let mut cmd = std::process::Command::new(util::python3());
    cmd.args(["-c", "import builtins; print(' '.join(dir(builtins)))"]);
    let names = util::run(cmd, b"", util::timeout()).stdout;
    let mut missing = 0;
    for name in names.split_whitespace() {
        let out = util::gilvm(&["-c", name], b"", None);
        let last = out.last_stderr_line();
        if last.starts_with("NameError") {
            missing += 1;
            assert_eq!(
                last,
                format!("NameError: name '{name}' is not defined (not supported by gilvm)"),
                "{}",
                out.dump()
            );
        } else {
            assert_status(&out, 0, name);
        }
    }
    eprintln!("{missing} CPython builtins are not in gilvm");
    let out = util::gilvm(&["-c", "prnt('hi')"], b"", None);
    assert_status(&out, 1, "a typo");
    assert_eq!(
        out.last_stderr_line(),
        "NameError: name 'prnt' is not defined"
    );
}
