//! Compile and run arbitrary UTF-8 text as a program, sandboxed (`gilvm_vm::runtime::sandbox`): at most
//! 200 000 instructions (`VmConfig::max_instructions`), a 64 MB heap (`alloc_limit` with this
//! binary's counting allocator as the usage probe: a single allocation that would pass it raises
//! `MemoryError`, a heap above it ends the program), no threads, processes, files, stdin or
//! sleeping, output captured in memory, on a thread with the interpreter's stack (as `gilvm`
//! runs programs). The program may fail in any Python way; a Rust panic, an abort, a stack
//! overflow, a hang (libFuzzer `-timeout`) or running out of memory (`-rss_limit_mb`) is a bug.
#![no_main]

use cap::Cap;
use libfuzzer_sys::fuzz_target;

/// Instructions a fuzz input may run.
const MAX_INSTRUCTIONS: u64 = 200_000;
/// The heap a fuzz input may use (on top of what this process already holds).
const MEMORY_LIMIT: usize = 64 << 20;

#[global_allocator]
static ALLOCATOR: Cap<std::alloc::System> = Cap::new(std::alloc::System, usize::MAX);

fn heap_usage() -> usize {
    ALLOCATOR.allocated()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        // The standard library's modules, as the binary has them (once per process).
        gilvm_stdlib::register();
        // The limit counts from what the process holds now (libFuzzer's corpus grows).
        gilvm_vm::runtime::alloc_limit::set_memory_limit(heap_usage() + MEMORY_LIMIT);
        gilvm_vm::runtime::alloc_limit::set_usage_probe(heap_usage);
        let _ = gilvm_vm::runtime::sandbox::run_sandboxed(src, "<fuzz>", Some(MAX_INSTRUCTIONS));
    }
});
