//! Golden disassembly tests: every `golden/*.py` is compiled, checked by the stack verifier and
//! disassembled; the output must equal `golden/*.dis`. `GILVM_BLESS=1 cargo test` rewrites the
//! expected files instead.

use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("golden directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_disassembly() {
    let bless = std::env::var_os("GILVM_BLESS").is_some();
    let files = inputs(&golden_dir());
    assert!(files.len() >= 12, "expected at least 12 golden inputs");
    let mut failures = Vec::new();
    for py in files {
        let name = py.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&py).unwrap();
        let code = match gilvm_compiler::compile_source(&source, &name) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!(
                    "{name}: compile error: {}",
                    e.render(&name, &source, false)
                ));
                continue;
            }
        };
        if let Err(e) = gilvm_compiler::verify::verify(&code) {
            failures.push(format!("{name}: verifier: {e}"));
        }
        let actual = gilvm_compiler::dis::disassemble(&code);
        let expected_path = py.with_extension("dis");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{name}: disassembly differs (GILVM_BLESS=1 to update)\n--- expected\n{expected}\n--- actual\n{actual}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every Python file of the project (programs, integration test cases, goldens) that compiles
/// must pass the verifier.
#[test]
fn verifier_over_all_python_files() {
    // The parser and compiler need the interpreter thread's big stack for the 10 000-deep
    // expressions of tests/hostile/ (gilvm runs them on a 256 MB stack; a test thread has 2 MB).
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(verify_all_python_files)
        .expect("spawn the verifier thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn verify_all_python_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..");
    let mut stack = vec![root.join("programs"), root.join("tests"), golden_dir()];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                let Ok(source) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if let Ok(code) = gilvm_compiler::compile_source(&source, &p.to_string_lossy()) {
                    if let Err(e) = gilvm_compiler::verify::verify(&code) {
                        panic!("{}: {e}", p.display());
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 12);
}
