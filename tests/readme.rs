//! README.md's commands, run: every line of its `sh` code blocks runs from the project root and
//! must end as its comment says — `status N` when the comment names one, else 0 — without a
//! panic. `gilvm` is the binary under test (a `gilvm` link on the `PATH`). Skipped: `cargo`
//! lines (building and testing are what runs this), and scripts that build the release binary
//! themselves or run for minutes (`scripts/bench_*.py`, `scripts/soak.py`,
//! `scripts/check_cases.py`). `compare` and `sweep` get `--repeat 1 --workers 2 --size 2` (each
//! flag only when the line does not set it), so a debug build runs them in seconds.

use crate::util::{self, Scratch};
use std::process::Command;
use std::time::Duration;

/// One command of a README `sh` block.
#[derive(Debug)]
struct ReadmeCommand {
    line: usize,
    command: String,
    status: i32,
}

/// Split a shell line into its command and its trailing `# comment` (a `#` outside quotes,
/// after whitespace).
fn split_comment(line: &str) -> (&str, &str) {
    let mut quote = None;
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') if prev_space => return (line[..i].trim(), line[i + 1..].trim()),
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    (line.trim(), "")
}

/// The status a comment promises: the number after `status`, else 0.
fn promised_status(comment: &str) -> i32 {
    comment
        .split("status ")
        .nth(1)
        .and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(0)
}

fn skipped(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    words.contains(&"cargo")
        || [
            "scripts/bench_",
            "scripts/soak.py",
            "scripts/check_cases.py",
        ]
        .iter()
        .any(|s| command.contains(s))
}

/// Shrink a lab run to a few seconds: add the flags the line does not set.
fn quick(command: &str) -> String {
    let words: Vec<&str> = command.split_whitespace().collect();
    if !(words.first() == Some(&"gilvm")
        && matches!(words.get(1), Some(&"compare") | Some(&"sweep")))
    {
        return command.to_string();
    }
    let mut out = command.to_string();
    for (flag, value) in [("--repeat", "1"), ("--workers", "2"), ("--size", "2")] {
        let set = words
            .iter()
            .any(|w| *w == flag || w.starts_with(&format!("{flag}=")));
        if !set && !(flag == "--workers" && words[1] == "sweep") {
            out.push_str(&format!(" {flag} {value}"));
        }
    }
    out
}

fn readme_commands(readme: &str) -> Vec<ReadmeCommand> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    for (n, line) in readme.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(tag) = trimmed.strip_prefix("```") {
            in_sh = !in_sh && tag.trim() == "sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let (command, comment) = split_comment(line);
        if command.is_empty() || skipped(command) {
            continue;
        }
        commands.push(ReadmeCommand {
            line: n + 1,
            command: command.to_string(),
            status: promised_status(comment),
        });
    }
    commands
}

#[test]
fn comments_and_statuses_are_read_as_written() {
    assert_eq!(
        split_comment("gilvm -c 'print(1) # no'   # stopped (status 124)"),
        ("gilvm -c 'print(1) # no'", "stopped (status 124)")
    );
    assert_eq!(promised_status("stopped after 0.5 s (status 124)"), 124);
    assert_eq!(promised_status("run a program"), 0);
    assert!(skipped("GILVM_CASE=x cargo test differential"));
    assert_eq!(
        quick("gilvm compare --python python3"),
        "gilvm compare --python python3 --repeat 1 --workers 2 --size 2"
    );
    assert_eq!(quick("gilvm programs/fib.py"), "gilvm programs/fib.py");
}

#[test]
fn every_readme_command_runs_as_it_says() {
    let readme = std::fs::read_to_string(util::root().join("README.md")).expect("README.md");
    let commands = readme_commands(&readme);
    assert!(
        commands.len() >= 10,
        "expected README's sh blocks to show at least 10 runnable commands, found {commands:?}"
    );
    let bin_dir = Scratch::new("readme-bin");
    std::os::unix::fs::symlink(util::gilvm_bin(), bin_dir.path.join("gilvm"))
        .expect("link the gilvm binary");
    let path = format!(
        "{}:{}",
        bin_dir.path.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for c in &commands {
        let shell = quick(&c.command);
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &shell])
            .current_dir(util::root())
            .env("PATH", &path);
        let out = util::run(cmd, b"", util::timeout_or(Duration::from_secs(180)));
        if out.status != Some(c.status) || out.stderr.contains("panicked") {
            failures.push(format!(
                "README.md:{}: `{shell}` should end with status {}, got {}\n{}",
                c.line,
                c.status,
                out.describe_status(),
                util::truncate(&out.stderr, 1500)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
