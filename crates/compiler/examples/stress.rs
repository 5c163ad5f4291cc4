//! `cargo run -p gilvm-compiler --example stress -- DIR...`: compile every `.py` file under the
//! given directories, verify what compiles, and count the errors by message (a robustness
//! check: nothing may panic).

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let mut stack: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let (mut ok, mut failed) = (0, 0);
    let mut messages: BTreeMap<String, usize> = BTreeMap::new();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                stack.extend(rd.flatten().map(|e| e.path()));
            }
            continue;
        }
        if p.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(module) = gilvm_syntax::parse(&source) else {
            continue;
        };
        match gilvm_compiler::compile(&module, &source, &p.to_string_lossy()) {
            Ok(code) => {
                ok += 1;
                if let Err(e) = gilvm_compiler::verify::verify(&code) {
                    println!("VERIFY {}: {e}", p.display());
                }
            }
            Err(e) => {
                failed += 1;
                let key: String = e.message.chars().filter(|c| !c.is_ascii_digit()).collect();
                *messages.entry(key).or_default() += 1;
            }
        }
    }
    println!("compiled {ok}, rejected {failed}");
    for (m, n) in messages {
        println!("{n:6} {m}");
    }
}
