//! Developer tool: `cargo run -p gilvm-syntax --example dump -- FILE [tokens|ast|debug|time]`
//! prints the token dump, the compact AST dump (default), the `{:#?}` AST, or parse timings.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE [tokens|ast|debug|time]");
        std::process::exit(2);
    };
    let mode = args.next().unwrap_or_else(|| "ast".into());
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let result = match mode.as_str() {
        "tokens" => gilvm_syntax::lexer::dump_tokens(&src),
        "time" => {
            let t = Instant::now();
            let tokens = gilvm_syntax::indent::tokenize(&src).map(|t| t.len());
            let lexed = t.elapsed();
            let t = Instant::now();
            let parsed = gilvm_syntax::parse(&src).map(|m| m.body.len());
            Ok(format!("tokenize {lexed:?} ({tokens:?} tokens), tokenize+parse {:?} ({parsed:?} statements)\n", t.elapsed()))
        }
        "debug" => gilvm_syntax::parse(&src).map(|m| format!("{m:#?}\n")),
        _ => gilvm_syntax::parse(&src).map(|m| gilvm_syntax::dump::dump_module(&m)),
    };
    match result {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprint!("{}", e.render(&path, &src, false));
            std::process::exit(1);
        }
    }
}
