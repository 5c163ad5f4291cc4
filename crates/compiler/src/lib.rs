//! gilvm-compiler: AST to bytecode. [`compile`] turns a parsed module into a [`CodeObject`];
//! [`dis::disassemble`] prints one the way `gilvm dis` shows it.

pub(crate) mod assemble;
pub mod code;
pub mod compile;
pub mod dis;
pub mod op;
pub mod symtable;
pub mod verify;

pub use code::{CodeFlags, CodeObject, Const};
pub use op::Op;

use std::sync::Arc;

/// An error found while compiling (a construct that is valid Python but outside the subset, or
/// a misuse such as `return` outside a function). Rendered like a syntax error.
pub type CompileError = gilvm_syntax::SyntaxError;

/// Compile a module. `filename` is recorded in every code object for tracebacks.
pub fn compile(
    module: &gilvm_syntax::ast::Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, CompileError> {
    compile::compile_module(module, source, filename)
}

/// Parse and compile in one step.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, CompileError> {
    let module = gilvm_syntax::parse(source)?;
    compile(&module, source, filename)
}
