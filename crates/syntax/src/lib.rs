//! gilvm-syntax: the front end. `logos` tokens ([`lexer`]), an indentation layer that turns
//! newlines into INDENT/DEDENT ([`indent`]), a recursive-descent parser with precedence climbing
//! ([`parser`]), the AST ([`ast`]), spans ([`span`]) and rustc-style error rendering
//! ([`diagnostic`]).

#![forbid(unsafe_code)]

pub mod ast;
pub mod diagnostic;
pub mod dump;
pub mod indent;
pub mod lexer;
pub mod parser;
pub mod span;
pub mod strings;

pub use diagnostic::SyntaxError;
pub use parser::parse_expression;
pub use span::{LineIndex, Span};

/// Parse a whole file. `source` is the file's text; errors carry a span into it.
pub fn parse(source: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source)
}

#[cfg(test)]
mod tests;
