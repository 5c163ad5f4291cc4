//! Parse and compile arbitrary UTF-8 text. Fuzz builds keep debug assertions, so the compiler's
//! stack-depth verifier checks every code object produced; any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Ok(code) = gilvm_compiler::compile_source(src, "<fuzz>") {
            // Disassembling walks every nested code object and constant.
            let _ = gilvm_compiler::dis::disassemble(&code);
        }
    }
});
