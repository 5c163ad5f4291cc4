//! gilvm-stdlib: the standard library's leaf modules — those that need nothing of the VM's
//! internals beyond the public interface — registered into the VM's module table
//! (`gilvm_vm::modules::inittab`) by the binary at start-up. The VM knows none of them.
//!
//! Modules written in Python live in `lib/NAME.py` and are embedded in the binary; a module
//! whose speed or OS access demands Rust gets a file of its own under `src/`.

mod cmath;
mod json;
pub mod re;

use gilvm_vm::modules::inittab::{self, ModuleDef, ModuleInit};

/// Every module of this crate, by its import name.
pub const MODULES: &[ModuleDef] = &[
    python(
        "_collections_abc",
        include_str!("../lib/_collections_abc.py"),
    ),
    native("_gilvm_re", re::make),
    native("_json", json::make),
    python("abc", include_str!("../lib/abc.py")),
    python("bisect", include_str!("../lib/bisect.py")),
    native("cmath", cmath::make),
    python("collections", include_str!("../lib/collections.py")),
    python("collections.abc", include_str!("../lib/collections_abc.py")),
    python("contextlib", include_str!("../lib/contextlib.py")),
    python("copy", include_str!("../lib/copy.py")),
    python("dataclasses", include_str!("../lib/dataclasses.py")),
    python("enum", include_str!("../lib/enum.py")),
    python("functools", include_str!("../lib/functools.py")),
    python("heapq", include_str!("../lib/heapq.py")),
    python("itertools", include_str!("../lib/itertools.py")),
    python("json", include_str!("../lib/json.py")),
    python("json.decoder", include_str!("../lib/json_decoder.py")),
    python("json.encoder", include_str!("../lib/json_encoder.py")),
    python("json.scanner", include_str!("../lib/json_scanner.py")),
    python("keyword", include_str!("../lib/keyword.py")),
    python("operator", include_str!("../lib/operator.py")),
    python("re", include_str!("../lib/re.py")),
    python("string", include_str!("../lib/string.py")),
    python("types", include_str!("../lib/types.py")),
    python("typing", include_str!("../lib/typing.py")),
];

const fn native(
    name: &'static str,
    init: fn(
        &mut gilvm_vm::Vm,
    ) -> gilvm_vm::PyResult<std::sync::Arc<gilvm_vm::object::value::Module>>,
) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Native(init),
    }
}

const fn python(name: &'static str, source: &'static str) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Python(source),
    }
}

/// Register [`MODULES`] into the VM's module table (once per process; later calls do
/// nothing).
pub fn register() {
    inittab::register(MODULES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_sorted() {
        let names: Vec<&str> = MODULES.iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn every_python_module_compiles() {
        for m in MODULES {
            if let ModuleInit::Python(source) = m.init {
                let filename = format!("<gilvm>/{}.py", m.name);
                if let Err(e) = gilvm_compiler::compile_source(source, &filename) {
                    panic!("{filename}: {}", e.message);
                }
            }
        }
    }
}
