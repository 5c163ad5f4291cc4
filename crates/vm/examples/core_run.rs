//! Run a script on the VM core with a minimal private `print` (for timing the eval loop before
//! the real builtins are installed): `cargo run --release -p gilvm-vm --example core_run FILE`.

use std::io::Write;
use std::sync::Arc;

use gilvm_vm::value::{Builtin, PyStr, Value};
use gilvm_vm::{PyResult, Vm, VmConfig};

fn print(vm: &mut Vm, args: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&vm.to_str(a)?);
    }
    s.push('\n');
    let _ = vm.interp.stdout.lock().write_all(s.as_bytes());
    Ok(Value::None)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: core_run FILE");
    let src = std::fs::read_to_string(&path).expect("read");
    let status = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let code = match gilvm_compiler::compile_source(&src, &path) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("{e:?}");
                    return 1;
                }
            };
            let mut vm = Vm::new_core(VmConfig::default());
            let b = Value::Builtin(Arc::new(Builtin { name: "print", func: print, receiver: None }));
            vm.interp.builtins.globals.borrow_mut(vm.gil()).insert(gilvm_vm::hash::str_key("print"), b);
            vm.run_main(code, src.into())
        })
        .expect("spawn")
        .join()
        .unwrap_or(101);
    std::process::exit(status);
}
