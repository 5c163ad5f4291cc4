//! `cargo run -p gilvm-compiler --example dis -- FILE`: print the bytecode of a file.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dis FILE");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match gilvm_compiler::compile_source(&source, &path) {
        Ok(code) => {
            if let Err(e) = gilvm_compiler::verify::verify(&code) {
                eprintln!("verifier: {e}");
            }
            print!("{}", gilvm_compiler::dis::disassemble(&code));
        }
        Err(e) => {
            eprint!("{}", e.render(&path, &source, false));
            std::process::exit(1);
        }
    }
}
