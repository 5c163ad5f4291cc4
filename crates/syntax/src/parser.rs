//! (H1)
pub fn parse_module(_src: &str) -> Result<crate::ast::Module, crate::SyntaxError> {
    todo!()
}
