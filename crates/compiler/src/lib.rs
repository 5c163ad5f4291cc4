//! gilvm-compiler: AST to bytecode. [`compile`] turns a parsed module into a [`CodeObject`];
//! [`dis::disassemble`] prints one the way `gilvm dis` shows it.

#![forbid(unsafe_code)]

pub(crate) mod assemble;
pub mod code;
pub mod compile;
pub mod dis;
pub mod op;
pub mod symtable;
pub mod verify;

pub use code::{CodeFlags, CodeObject, Const};
pub use compile::{Mode, DISPLAYHOOK};
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

/// Why [`compile_mode`] failed: the error, and whether the parser (rather than the compiler)
/// found it (CPython's SyntaxError then carries the source line as `text`).
#[derive(Clone, Debug)]
pub struct ModeError {
    pub error: CompileError,
    pub from_parser: bool,
}

/// Parse and compile source given to `exec`, `eval` or `compile()`. Module-level names are
/// compiled as LoadName/StoreName (so a separate locals mapping works). `Mode::Eval` accepts
/// one expression only (its errors are the expression parser's, as CPython's); `Mode::Single`
/// one statement (compound or not).
pub fn compile_mode(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, ModeError> {
    use gilvm_syntax::ast::StmtKind;
    let parse_error = |error| ModeError {
        error,
        from_parser: true,
    };
    let parsed = gilvm_syntax::parse(source);
    let module = match (mode, parsed) {
        (Mode::Eval, Ok(m)) if matches!(m.body.as_slice(), [s] if matches!(s.kind, StmtKind::Expr(_))) => {
            m
        }
        (Mode::Eval, parsed) => {
            // Not one expression: the expression parser says where it stops being one.
            gilvm_syntax::parse_expression(source).map_err(parse_error)?;
            let m = parsed.map_err(parse_error)?;
            let span = m.body.get(1).map(|s| s.span).unwrap_or_default();
            return Err(parse_error(CompileError::new("invalid syntax", span)));
        }
        (_, parsed) => parsed.map_err(parse_error)?,
    };
    if mode == Mode::Single {
        // Simple statements on one line (`a = 1; b = 2`) are one interactive statement.
        let lines = gilvm_syntax::LineIndex::new(source);
        if let [first, rest @ ..] = module.body.as_slice() {
            let line = lines.line(first.span.start);
            if rest.iter().any(|s| lines.line(s.span.start) != line) {
                let end = first.span.end as usize;
                return Err(parse_error(CompileError::new(
                    "multiple statements found while compiling a single statement",
                    gilvm_syntax::Span::new(end, end),
                )));
            }
        }
    }
    compile::compile_dynamic(&module, source, filename, mode).map_err(|error| ModeError {
        error,
        from_parser: false,
    })
}
