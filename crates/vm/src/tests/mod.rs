//! Integration-style tests of the VM core: compile small programs, run them, check stdout and
//! tracebacks. `print` is replaced by a private one that captures output per thread.

use std::cell::RefCell;
use std::sync::Arc;

use crate::object::value::{Builtin, NativeFn, PyStr, Value};
use crate::{PyResult, Vm, VmConfig};

mod programs;
mod threads;

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn t_print(vm: &mut Vm, args: &[Value], kwargs: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    for (k, v) in kwargs {
        match k.as_str() {
            "sep" => sep = vm.to_str(v)?,
            "end" => end = vm.to_str(v)?,
            _ => {}
        }
    }
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&vm.to_str(a)?);
    }
    s.push_str(&end);
    OUT.with(|o| o.borrow_mut().push_str(&s));
    Ok(Value::None)
}

fn t_setrecursionlimit(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    if let Value::Int(n) = args[0] {
        vm.interp.set_recursion_limit(n as usize);
    }
    Ok(Value::None)
}

fn install_test_builtins(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", t_print),
        ("setrecursionlimit", t_setrecursionlimit),
    ];
    let gil = vm.gil();
    let mut g = vm.interp.builtins.globals.borrow_mut(gil);
    for (name, func) in fns {
        g.insert(
            crate::protocol::hash::str_key(name),
            Value::Builtin(Arc::new(Builtin {
                name,
                func: *func,
                receiver: None,
            })),
        );
    }
}

/// Run a program; returns (stdout, formatted uncaught exception if any).
pub fn run(src: &str) -> (String, Option<String>) {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let code = match gilvm_compiler::compile_source(&src, "prog.py") {
                Ok(c) => c,
                Err(e) => panic!("compile error: {e:?}"),
            };
            let mut vm = Vm::new(VmConfig::default());
            install_test_builtins(&mut vm);
            OUT.with(|o| o.borrow_mut().clear());
            let r = vm.run_module(code, "__main__", src.as_str().into());
            let out = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
            let err = r.err().map(|e| vm.format_exception(&e));
            (out, err)
        })
        .expect("spawn")
        .join()
        .expect("test thread panicked")
}

/// Run and expect success with this stdout.
pub fn check(src: &str, want: &str) {
    let (out, err) = run(src);
    if let Some(e) = err {
        panic!("program raised:\n{e}\nstdout so far:\n{out}");
    }
    assert_eq!(out, want, "program:\n{src}");
}

/// Run and expect an uncaught exception whose traceback is exactly `want_tb`.
pub fn check_err(src: &str, want_out: &str, want_tb: &str) {
    let (out, err) = run(src);
    assert_eq!(out, want_out, "stdout of:\n{src}");
    assert_eq!(err.as_deref(), Some(want_tb), "traceback of:\n{src}");
}
