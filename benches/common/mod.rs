//! What the program benchmarks share: compile a Python program once, then time fresh
//! interpreters running it as `__main__`.

use std::hint::black_box;
use std::sync::Arc;

use criterion::Criterion;
use gilvm_compiler::CodeObject;
use gilvm_vm::{Vm, VmConfig};

fn compile(name: &str, source: &str) -> Arc<CodeObject> {
    match gilvm_compiler::compile_source(source, name) {
        Ok(code) => code,
        Err(err) => panic!("benchmark program {name} does not compile: {err}"),
    }
}

/// One timed run: a fresh interpreter running the module as `__main__`.
fn run(code: &Arc<CodeObject>, source: &Arc<str>) {
    let mut vm = Vm::new(VmConfig::default());
    if let Err(err) = vm.run_module(code.clone(), "__main__", source.clone()) {
        panic!("benchmark program raised: {err:?}");
    }
    black_box(vm);
}

/// Benchmark `source` as `group/name` with `samples` samples (compiled outside the timing).
pub fn bench_program(c: &mut Criterion, group: &str, name: &str, source: &str, samples: usize) {
    let code = compile(name, source);
    let source: Arc<str> = Arc::from(source);
    let mut g = c.benchmark_group(group);
    g.sample_size(samples);
    g.bench_function(name, |b| b.iter(|| run(&code, &source)));
    g.finish();
}
