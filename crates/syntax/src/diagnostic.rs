//! Syntax errors and their rendering (rustc style, via codespan-reporting), followed by the last
//! line CPython prints (`SyntaxError: invalid syntax`) so a Python user recognises it.

use crate::span::Span;

/// A syntax error: CPython's exception type name (`SyntaxError` or `IndentationError` or
/// `TabError`), its message, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// "SyntaxError", "IndentationError" or "TabError".
    pub kind: &'static str,
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: "SyntaxError",
            message: message.into(),
            span,
        }
    }
    pub fn indentation(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: "IndentationError",
            message: message.into(),
            span,
        }
    }

    /// A `TabError` (a kind of IndentationError in CPython).
    pub fn tab(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: "TabError",
            message: message.into(),
            span,
        }
    }

    /// 1-based (line, column) of the start of the error in `source`; the column counts
    /// characters.
    pub fn location(&self, source: &str) -> (u32, u32) {
        let start = self.span.start.min(source.len() as u32);
        crate::span::LineIndex::new(source).line_col(source, start)
    }

    /// Render for a terminal: `file:line:col`, the source line with a caret under the span,
    /// then the CPython-style last line `SyntaxError: message`.
    pub fn render(&self, filename: &str, source: &str, color: bool) -> String {
        render_error(self, filename, source, color)
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for SyntaxError {}

fn render_error(err: &SyntaxError, filename: &str, source: &str, color: bool) -> String {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor};

    let file = SimpleFile::new(filename, source);
    let mut range = err.span.range();
    range.start = range.start.min(source.len());
    range.end = range.end.clamp(range.start, source.len());
    let diag = Diagnostic::error()
        .with_message(err.to_string())
        .with_labels(vec![
            Label::primary((), range).with_message(err.message.clone())
        ]);
    let config = term::Config::default();
    let mut buf = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let mut out = String::new();
    if term::emit_to_write_style(&mut buf, &config, &file, &diag).is_ok() {
        out.push_str(&String::from_utf8_lossy(buf.as_slice()));
    }
    out.push_str(&format!("{err}\n"));
    out
}
