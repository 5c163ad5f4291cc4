//! Tokenize arbitrary bytes (when they are valid UTF-8): the logos lexer plus the indentation
//! layer must return tokens or a SyntaxError, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        let _ = gilvm_syntax::lexer::dump_tokens(src);
        if let Ok(tokens) = gilvm_syntax::indent::tokenize(src) {
            // Every token's span must lie inside the source, on character boundaries.
            for t in &tokens {
                let r = t.span.range();
                assert!(r.start <= r.end && r.end <= src.len(), "span out of range");
                assert!(src.get(r).is_some(), "span not on a char boundary");
            }
        }
    }
});
