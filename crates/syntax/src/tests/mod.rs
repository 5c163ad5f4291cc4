//! Unit tests for the front end. Tests that build deep trees run on a thread with an 8 MB
//! stack (the default test thread has 2 MB).

mod deep_drop;
mod exprs;
mod lexing;
mod robustness;
mod statements;

use crate::ast::{Expr, Module, StmtKind};
use crate::dump::{dump_expr, dump_module};
use crate::SyntaxError;

/// Parse a module or panic with the rendered error.
fn module(src: &str) -> Module {
    crate::parse(src).unwrap_or_else(|e| panic!("{}", e.render("test.py", src, false)))
}

/// The compact dump of a single expression statement.
fn expr_dump(src: &str) -> String {
    let m = module(src);
    match &m.body[..] {
        [s] => match &s.kind {
            StmtKind::Expr(e) => dump_expr(e),
            other => panic!("not an expression statement: {other:?}"),
        },
        other => panic!("expected one statement, got {}", other.len()),
    }
}

fn expr(src: &str) -> Expr {
    crate::parse_expression(src).unwrap_or_else(|e| panic!("{}", e.render("test.py", src, false)))
}

fn err(src: &str) -> SyntaxError {
    match crate::parse(src) {
        Ok(m) => panic!("expected an error for {src:?}, got {}", dump_module(&m)),
        Err(e) => e,
    }
}

/// The error message and its (line, column).
fn err_at(src: &str) -> (String, (u32, u32)) {
    let e = err(src);
    (e.message.clone(), e.location(src))
}

/// Run `f` on a thread with an 8 MB stack (like a main thread).
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("thread panicked")
}

/// Move the kind out of an expression (`Expr` implements Drop, so its fields cannot be moved
/// out directly).
fn take_kind(mut e: Expr) -> crate::ast::ExprKind {
    std::mem::replace(
        &mut e.kind,
        crate::ast::ExprKind::Constant(crate::ast::Constant::None),
    )
}
