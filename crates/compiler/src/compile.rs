//! (H2)
pub fn compile_module(
    _m: &gilvm_syntax::ast::Module,
    _s: &str,
    _f: &str,
) -> Result<std::sync::Arc<crate::CodeObject>, crate::CompileError> {
    todo!()
}
