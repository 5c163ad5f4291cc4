//! End-to-end tests: Python programs in `testdata/` run through the whole pipeline (parser,
//! compiler, VM, builtins); their stdout must equal the `.expected` file next to them, which
//! was produced by running the same program under python3 (CPython 3.11).

use std::sync::Arc;

use crate::{Vm, VmConfig};

/// Run a program and return its stdout, plus the traceback of an uncaught exception.
pub fn run(source: &str) -> String {
    let code = match gilvm_compiler::compile_source(source, "test.py") {
        Ok(c) => c,
        Err(e) => return format!("compile error: {e:?}"),
    };
    let mut vm = Vm::new(VmConfig {
        argv: vec!["test.py".into()],
        ..VmConfig::default()
    });
    super::io::CAPTURE.with(|c| *c.borrow_mut() = Some(String::new()));
    let result = vm.run_module(code, "__main__", Arc::from(source));
    let mut out = super::io::CAPTURE
        .with(|c| c.borrow_mut().take())
        .unwrap_or_default();
    if let Err(e) = result {
        out.push_str(&vm.format_exception(&e));
    }
    out
}

macro_rules! program_tests {
    ($($name:ident),* $(,)?) => {
        $(#[test]
        fn $name() {
            let source = include_str!(concat!("testdata/", stringify!($name), ".py"));
            let expected = include_str!(concat!("testdata/", stringify!($name), ".expected"));
            let got = run(source);
            if got != expected {
                let diff: Vec<String> = got
                    .lines()
                    .zip(expected.lines())
                    .enumerate()
                    .filter(|(_, (g, e))| g != e)
                    .take(10)
                    .map(|(i, (g, e))| format!("line {}:\n  gilvm:   {g}\n  python3: {e}", i + 1))
                    .collect();
                panic!(
                    "output differs from python3 ({} vs {} lines):\n{}\n--- full gilvm output ---\n{got}",
                    got.lines().count(),
                    expected.lines().count(),
                    diff.join("\n")
                );
            }
        })*
    };
}

program_tests!(strings, numbers, formatting, containers, iteration, objects);
