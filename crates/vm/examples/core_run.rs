//! Run a script on the VM (for timing the eval loop from this crate alone):
//! `cargo run --release -p gilvm-vm --example core_run FILE [ARGS...]`.

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = argv.first().cloned() else {
        eprintln!("usage: core_run FILE [ARGS...]");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("core_run: {path}: {e}");
            std::process::exit(2);
        }
    };
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
            let config = gilvm_vm::VmConfig {
                argv,
                ..Default::default()
            };
            let mut vm = gilvm_vm::Vm::new(config);
            vm.run_main(code, src.into())
        })
        .map(|h| h.join().unwrap_or(101))
        .unwrap_or(101);
    std::process::exit(status);
}
