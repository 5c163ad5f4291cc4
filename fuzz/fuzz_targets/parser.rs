//! Parse arbitrary UTF-8 text as a module (and as an `eval` expression): the result is an AST or
//! a SyntaxError whose span lies inside the source, never a panic, a stack overflow or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check_span(src: &str, err: &gilvm_syntax::SyntaxError) {
    let r = err.span.range();
    assert!(
        r.start <= r.end && r.end <= src.len(),
        "error span {r:?} outside source of {} bytes",
        src.len()
    );
    // Rendering an error (line/column computation, source excerpt) must not panic either.
    let _ = err.location(src);
    let _ = err.render("<fuzz>", src, false);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        match gilvm_syntax::parse(src) {
            Ok(module) => {
                let _ = gilvm_syntax::dump::dump_module(&module);
            }
            Err(e) => check_span(src, &e),
        }
        if let Err(e) = gilvm_syntax::parse_expression(src) {
            check_span(src, &e);
        }
    }
});
