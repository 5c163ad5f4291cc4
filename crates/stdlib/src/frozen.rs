//! Frozen modules (gilvm issue 17, CPython's frozen os/posixpath/...): the code objects of this
//! crate's Python modules, compiled and serialised by `build.rs` at build time, so an import
//! deserialises them instead of lexing, parsing and compiling the source in every process.
//! The source stays embedded (the module table keeps it) for tracebacks and linecache.

use std::sync::Arc;

use gilvm_compiler::code::{CodeObject, FROZEN_FORMAT};

/// `(module name, format version as little-endian u32 + postcard-encoded CodeObject)`.
static FROZEN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/frozen.rs"));

/// The frozen code of module `name`; `None` if it has none, or one of another format, or one
/// that does not decode (the caller then compiles the source).
pub fn lookup(name: &str) -> Option<Arc<CodeObject>> {
    let (_, blob) = FROZEN.iter().find(|(n, _)| *n == name)?;
    let (version, body) = blob.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != FROZEN_FORMAT {
        return None;
    }
    postcard::from_bytes::<CodeObject>(body).ok().map(Arc::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilvm_vm::modules::inittab::ModuleInit;

    #[test]
    fn every_python_module_is_frozen_as_its_source_compiles() {
        // Only entries whose source is an inline string literal (os.path) are not frozen.
        for name in [
            "os",
            "posixpath",
            "json",
            "json.decoder",
            "_collections_abc",
        ] {
            assert!(lookup(name).is_some(), "{name} is not frozen");
        }
        for m in crate::MODULES {
            if let ModuleInit::Python(source) = m.init {
                let Some(frozen) = lookup(m.name) else {
                    assert!(source.len() < 200, "{} is not frozen", m.name);
                    continue;
                };
                let filename = format!("<gilvm>/{}.py", m.name);
                let fresh = gilvm_compiler::compile_source(source, &filename).unwrap();
                assert!(
                    *frozen == *fresh,
                    "{}: frozen code differs from its source",
                    m.name
                );
            }
        }
    }

    #[test]
    fn unknown_module_has_no_frozen_code() {
        assert!(lookup("no_such_module").is_none());
    }
}
