//! Golden tests in the manner of starlark-rust: every `tests/golden/<kind>/*.py` has its expected
//! output next to it (`.tokens`, `.err` or `.ast`). Run with `GILVM_BLESS=1` to rewrite the
//! expected files after an intended change, then review the diff.

use std::path::{Path, PathBuf};

fn inputs(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// Compare (or with GILVM_BLESS=1, write) every input's output; report all mismatches at once.
fn check(kind: &str, ext: &str, min_cases: usize, produce: impl Fn(&str, &str) -> String) {
    let bless = std::env::var("GILVM_BLESS").is_ok_and(|v| v == "1");
    let files = inputs(kind);
    assert!(
        files.len() >= min_cases,
        "expected at least {min_cases} {kind} cases, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).expect("read input");
        let name = format!(
            "{kind}/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
        let actual = produce(&name, &src);
        let expected_path = path.with_extension(ext);
        if bless {
            std::fs::write(&expected_path, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "--- {}\n+++ actual\n{actual}",
                expected_path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (GILVM_BLESS=1 to update):\n{}",
        failures.join("\n")
    );
}

#[test]
fn golden_lexer() {
    check(
        "lexer",
        "tokens",
        5,
        |name, src| match gilvm_syntax::lexer::dump_tokens(src) {
            Ok(dump) => dump,
            Err(e) => e.render(name, src, false),
        },
    );
}

#[test]
fn golden_parse_errors() {
    check(
        "parse_errors",
        "err",
        30,
        |name, src| match gilvm_syntax::parse(src) {
            Ok(_) => "parsed without error\n".to_string(),
            Err(e) => e.render(name, src, false),
        },
    );
}

#[test]
fn golden_ast() {
    check("ast", "ast", 4, |name, src| {
        match gilvm_syntax::parse(src) {
            Ok(m) => gilvm_syntax::dump::dump_module(&m),
            Err(e) => e.render(name, src, false),
        }
    });
}
